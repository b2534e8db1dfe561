package io.qrelease.jobs.release;

import io.qrelease.domain.EntityKey;
import java.util.BitSet;

/**
 * The entities a run has audited so far, as a Bloom filter of fixed size: "not seen" is certain,
 * "seen" only possible. A chunk asks the store about the possible ones alone, so a run over input
 * without duplicates skips the lookup of earlier audit rows, and the memory stays the same however
 * long the input. At 2^25 bits (4 MiB) and four probes, about one key in 6,000 is a false "seen"
 * after a million entities, one in four after ten million; a false "seen" costs only a lookup.
 */
final class SeenEntities {

  private static final int BITS = 1 << 25;
  private static final int PROBES = 4;

  private final BitSet bits = new BitSet(BITS);

  void add(EntityKey key) {
    long hash = hash(key);
    for (int probe = 0; probe < PROBES; probe++) {
      bits.set(index(hash, probe));
    }
  }

  boolean mayContain(EntityKey key) {
    long hash = hash(key);
    for (int probe = 0; probe < PROBES; probe++) {
      if (!bits.get(index(hash, probe))) {
        return false;
      }
    }
    return true;
  }

  /** Double hashing: the probes walk the filter in steps of the high half from the low half. */
  private static int index(long hash, int probe) {
    int low = (int) hash;
    int high = (int) (hash >>> 32) | 1;
    return (low + probe * high) & (BITS - 1);
  }

  /** String hashes of similar keys differ in few bits; a 64-bit finalizer spreads them over the filter. */
  private static long hash(EntityKey key) {
    long hash = ((long) key.networkMessageId().hashCode() << 32) ^ (key.recipient().hashCode() & 0xFFFFFFFFL);
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    hash *= 0xc4ceb9fe1a85ec53L;
    hash ^= hash >>> 33;
    return hash;
  }
}
