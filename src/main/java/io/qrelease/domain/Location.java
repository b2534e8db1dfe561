package io.qrelease.domain;

/** Where a mail copy is now, as the store records it. */
public enum Location {
  Inbox, JunkFolder, DeletedFolder, Quarantine, Failed, Dropped, OnPremExternal;

  public boolean undeliverable() {
    return this == Failed || this == Dropped || this == OnPremExternal;
  }
}
