package io.qrelease.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qrelease.QreleaseApplication;
import io.qrelease.domain.ActionType;
import io.qrelease.domain.ReleaseTarget;
import io.qrelease.domain.Source;
import io.qrelease.jobs.RunParameters;
import io.qrelease.store.Database;
import io.qrelease.testing.Campaign;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Who may release, enforced by the application and by the job itself, with no command line in between. */
class StartRunFunctionalTest {

  private static final String READER = "auditor@contoso.com";

  @TempDir
  Path folder;
  Workbench bench;
  Path selection;
  Map<String, List<Map<String, Object>>> before;

  @BeforeEach
  void storeWithACampaign() {
    bench = new Workbench(folder);
    Campaign campaign = Campaign.write(folder, 20);
    assertThat(bench.run("import", campaign.quarantineExport().toString()).exitCode()).isZero();
    selection = campaign.huntingExport();
    before = bench.snapshot();
  }

  @Test
  void aSecurityReadersRealReleaseIsRefusedByTheApplicationBeforeAnythingChanges() {
    // given
    JobParameters parameters = release(READER, false);

    // when
    try (ConfigurableApplicationContext context = application()) {
      StartRun startRun = context.getBean(StartRun.class);
      Job job = context.getBean("release", Job.class);

      // then
      assertThatThrownBy(() -> startRun.startOrResume(job, parameters))
          .isInstanceOf(Refused.class)
          .hasMessage("Operator auditor@contoso.com is a SecurityReader and may only preview; make it a dry run"
              + " (--dry-run), or ask a SecurityOperator or SecurityAdministrator.");
    }
    assertThat(bench.snapshot()).isEqualTo(before);
  }

  @Test
  void theReleaseJobItselfRefusesASecurityReadersRealReleaseStartedAroundTheApplication() {
    // given
    JobParameters parameters = release(READER, false);

    // when
    try (ConfigurableApplicationContext context = application()) {
      JobOperator jobOperator = context.getBean(JobOperator.class);
      Job job = context.getBean("release", Job.class);

      // then
      assertThatThrownBy(() -> jobOperator.start(job, parameters))
          .isInstanceOf(InvalidJobParametersException.class)
          .hasMessageContaining("is a SecurityReader and may only preview");
    }
    assertThat(bench.snapshot()).isEqualTo(before);
  }

  @Test
  void aSecurityReadersPreviewRunsThroughTheApplication() throws Exception {
    // given
    JobParameters parameters = release(READER, true);

    // when
    try (ConfigurableApplicationContext context = application()) {
      context.getBean(StartRun.class).startOrResume(context.getBean("release", Job.class), parameters);
    }

    // then
    assertThat(bench.count("SELECT COUNT(*) FROM email_action WHERE status = 'DryRun'")).isEqualTo(1);
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit")).isEqualTo(20);
    assertThat(bench.snapshot().get("mail_copy")).isEqualTo(before.get("mail_copy"));
  }

  private JobParameters release(String operator, boolean dryRun) {
    return new ReleaseRequest(folder.resolve("tenant.yml"), operator, ActionType.MoveToInbox,
        ReleaseTarget.parse("row"), Source.AdvancedHunting, dryRun, false, null).identity()
        .addString(RunParameters.INPUT, selection.toAbsolutePath().toString())
        .toJobParameters();
  }

  private ConfigurableApplicationContext application() {
    return new SpringApplicationBuilder(QreleaseApplication.class)
        .web(WebApplicationType.NONE)
        .run(Database.of(bench.dbUrl()).springProperties().entrySet().stream()
            .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new));
  }
}
