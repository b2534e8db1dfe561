package io.qrelease.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseTargetTest {

  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final String MESSAGE = "5f0c6a1e-2b7d-4c3e-9a8f-0123456789ab";
  private static final String UNKNOWN_MESSAGE = "0d9e8f7a-6b5c-4d3e-8f21-fedcba987654";

  private static final MailCopy ALICE = copy("alice@contoso.com");
  private static final MailCopy BOB = copy("bob@contoso.com");
  private static final List<MailCopy> COPIES = List.of(ALICE, BOB);

  @Test
  void rowTargetsTheRowsRecipientWhateverItsCase() {
    // when
    List<Candidate> candidates = new ReleaseTarget.RowRecipient().candidates(MESSAGE, " Alice@Contoso.com ", COPIES);

    // then
    assertThat(candidates).containsExactly(found(ALICE));
  }

  @Test
  void rowWhoseRecipientTheStoreDoesNotHoldIsNotFoundRatherThanNotOriginalRecipient() {
    // when
    List<Candidate> candidates = new ReleaseTarget.RowRecipient().candidates(MESSAGE, "carol@contoso.com", COPIES);

    // then
    assertThat(candidates).containsExactly(new Candidate(new EntityKey(MESSAGE, "carol@contoso.com"), true, null, false));
  }

  @Test
  void rowWithBlankRecipientTargetsEveryCopyOfTheMessage() {
    // when
    List<Candidate> candidates = new ReleaseTarget.RowRecipient().candidates(MESSAGE, "  ", COPIES);

    // then
    assertThat(candidates).containsExactly(found(ALICE), found(BOB));
  }

  @Test
  void rowWithBlankRecipientForAnUnknownMessageIsOneNotFoundEntity() {
    // when
    List<Candidate> candidates = new ReleaseTarget.RowRecipient().candidates(UNKNOWN_MESSAGE, "", List.of());

    // then
    assertThat(candidates).containsExactly(new Candidate(new EntityKey(UNKNOWN_MESSAGE, ""), true, null, false));
  }

  @Test
  void allTargetsEveryCopyWhicheverRecipientTheRowNames() {
    // when
    List<Candidate> candidates = new ReleaseTarget.AllRecipients().candidates(MESSAGE, "alice@contoso.com", COPIES);

    // then
    assertThat(candidates).containsExactly(found(ALICE), found(BOB));
  }

  @Test
  void allForAnUnknownMessageIsOneNotFoundEntity() {
    // when
    List<Candidate> candidates = new ReleaseTarget.AllRecipients().candidates(UNKNOWN_MESSAGE, "alice@contoso.com", List.of());

    // then
    assertThat(candidates).containsExactly(
        new Candidate(new EntityKey(UNKNOWN_MESSAGE, "alice@contoso.com"), true, null, false));
  }

  @Test
  void addressListTargetsEachAddressAndFlagsThoseThatAreNotOriginalRecipients() {
    // given
    ReleaseTarget target = ReleaseTarget.parse("carol@contoso.com, bob@contoso.com");

    // when
    List<Candidate> candidates = target.candidates(MESSAGE, "alice@contoso.com", COPIES);

    // then
    assertThat(candidates).containsExactly(
        found(BOB),
        new Candidate(new EntityKey(MESSAGE, "carol@contoso.com"), true, null, true));
  }

  @Test
  void addressListForAnUnknownMessageIsNotFoundRatherThanNotOriginalRecipient() {
    // given
    ReleaseTarget target = ReleaseTarget.parse("alice@contoso.com");

    // when
    List<Candidate> candidates = target.candidates(UNKNOWN_MESSAGE, "", List.of());

    // then
    assertThat(candidates).containsExactly(
        new Candidate(new EntityKey(UNKNOWN_MESSAGE, "alice@contoso.com"), true, null, false));
  }

  static Stream<Arguments> malformedRows() {
    return Stream.of(ReleaseTarget.parse("row"), ReleaseTarget.parse("all"), ReleaseTarget.parse("alice@contoso.com"))
        .flatMap(target -> Stream.of(
            Arguments.of(target, "not-a-guid", "alice@contoso.com"),
            Arguments.of(target, "", "alice@contoso.com"),
            Arguments.of(target, MESSAGE, "alice"),
            Arguments.of(target, MESSAGE, "alice@contoso.com;bob@contoso.com")));
  }

  @ParameterizedTest(name = "--release-to {0} turns message ''{1}'' for recipient ''{2}'' into one malformed entity")
  @MethodSource("malformedRows")
  void aMalformedRowIsOneMalformedEntityWhateverTheTarget(ReleaseTarget target, String message, String recipient) {
    // when
    List<Candidate> candidates = target.candidates(message, recipient, COPIES);

    // then
    assertThat(candidates).containsExactly(new Candidate(new EntityKey(message, recipient), false, null, false));
  }

  @ParameterizedTest(name = "''{0}'' means the row''s recipient")
  @NullAndEmptySource
  @ValueSource(strings = {"row", " ROW ", "  "})
  void parseReadsRowAndNothingAsTheRowsRecipient(String option) {
    assertThat(ReleaseTarget.parse(option)).isEqualTo(new ReleaseTarget.RowRecipient());
  }

  @ParameterizedTest(name = "''{0}'' means every recipient")
  @ValueSource(strings = {"all", " All "})
  void parseReadsAllAsEveryRecipient(String option) {
    assertThat(ReleaseTarget.parse(option)).isEqualTo(new ReleaseTarget.AllRecipients());
  }

  @ParameterizedTest(name = "''{0}'' is the address list {1}")
  @CsvSource(delimiter = '|', value = {
      "A@x.com, b@y.com            | a@x.com,b@y.com",
      "b@y.com;A@x.com,a@x.com     | a@x.com,b@y.com",
      "' CEO@Fabrikam.com , '      | ceo@fabrikam.com"})
  void parseNormalizesSortsAndDeduplicatesAnAddressList(String option, String canonical) {
    // when
    ReleaseTarget target = ReleaseTarget.parse(option);

    // then
    assertThat(target).isEqualTo(new ReleaseTarget.Addresses(List.of(canonical.split(","))));
    assertThat(target.option()).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "''{0}'' is refused, naming ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "a@x.com, nope   | nope",
      "everyone        | everyone",
      "a@x.com,all     | all",
      "' , ; '         | , ;"})
  void parseRefusesAnythingButRowAllOrAddresses(String option, String named) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ReleaseTarget.parse(option))
        .withMessageContaining("'" + named + "'");
  }

  private static Candidate found(MailCopy copy) {
    return new Candidate(copy.key(), true, copy, false);
  }

  private static MailCopy copy(String recipient) {
    return new MailCopy(MESSAGE, "<id@contoso.com>", recipient, "sender@fabrikam.com", "Invoice",
        NOW.minus(Duration.ofDays(2)), Location.Quarantine, QuarantineType.Phish, "AntiPhish", "Default",
        NOW.plus(Duration.ofDays(30)), ReleaseStatus.NotReleased, null);
  }
}
