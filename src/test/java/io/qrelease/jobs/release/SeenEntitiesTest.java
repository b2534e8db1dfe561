package io.qrelease.jobs.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.domain.EntityKey;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeenEntitiesTest {

  private static EntityKey key(int message, int recipient) {
    return new EntityKey(String.format("%08x-0000-4000-8000-%012x", message, message), "user" + recipient + "@contoso.com");
  }

  @Test
  void everyEntityAddedIsSeenSoNoDuplicateCanSlipPastTheLookup() {
    // given
    SeenEntities seen = new SeenEntities();
    IntStream.range(0, 200_000).forEach(i -> seen.add(key(i, i % 5_000)));

    // when / then
    assertThat(IntStream.range(0, 200_000).filter(i -> !seen.mayContain(key(i, i % 5_000)))).isEmpty();
  }

  @Test
  void entitiesNeverAddedAreAlmostAlwaysUnseenAfterAMillion() {
    // given
    SeenEntities seen = new SeenEntities();
    IntStream.range(0, 1_000_000).forEach(i -> seen.add(key(i, i % 5_000)));

    // when: the same messages for other recipients, and other messages
    long falselySeen = IntStream.range(0, 100_000)
        .filter(i -> seen.mayContain(key(i, 5_000 + i)) || seen.mayContain(key(2_000_000 + i, i % 5_000)))
        .count();

    // then: about one in 6,000 of 200,000 probes
    assertThat(falselySeen).isLessThan(200);
  }

  @Test
  void anEmptyFilterHasSeenNothing() {
    assertThat(new SeenEntities().mayContain(key(1, 1))).isFalse();
  }
}
