package io.qrelease.domain;

/** Why a copy was quarantined; some verdicts may only be overridden by an administrator. */
public enum QuarantineType {
  Spam, Bulk, Phish, HighConfPhish, Malware, SPOMalware, TransportRule, FileTypeBlock, DataLossPrevention;

  public boolean adminOnly() {
    return this == Malware || this == HighConfPhish || this == SPOMalware;
  }
}
