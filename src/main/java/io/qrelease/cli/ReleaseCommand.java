package io.qrelease.cli;

import io.qrelease.app.InputFile;
import io.qrelease.app.SizeCap;
import io.qrelease.domain.ReleaseTarget;
import io.qrelease.domain.RowCount;
import io.qrelease.domain.Source;
import io.qrelease.input.Column;
import io.qrelease.input.ExportKind;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.parameters.JobParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "release", mixinStandardHelpOptions = true,
    description = "Releases (or moves to the Inbox) every entity of a selection, checking each against the"
        + " eligibility and scope rules and auditing it. Running the same command again resumes an unfinished"
        + " run, or prints the summary of a completed one and changes nothing.")
class ReleaseCommand implements Callable<Integer> {

  @Mixin
  StoreOptions store;

  @Mixin
  ActionOptions options;

  @Parameters(index = "0", paramLabel = "FILE",
      description = "An Advanced Hunting export, a Threat Explorer export or a plain selection (CSV).")
  Path file;

  @Option(names = "--release-to", defaultValue = "row", paramLabel = "row|all|ADDR,...",
      description = "The row's recipient (default), every recipient of each message, or these original recipients.")
  String releaseTo;

  @Option(names = "--source", paramLabel = "SOURCE",
      description = "AdvancedHunting, ThreatExplorer, CsvImport, Api (default: from the file's header).")
  String source;

  @Option(names = "--whole-quarantine-export",
      description = "FILE is a quarantine export (Get-QuarantineMessage) and every copy in it is to be released;"
          + " without this, such a file is refused, as it is meant for import.")
  boolean wholeQuarantineExport;

  @Option(names = "--max-rows", paramLabel = "N",
      description = "Refuse, before changing anything, a selection of more than N rows, e.g. 50000, 50_000, 50,000,"
          + " 50k or 1m (default: no cap).")
  String maxRows;

  @Override
  public Integer call() throws Exception {
    ReleaseTarget target = Options.releaseTo(releaseTo);
    Long cap = Options.value("--max-rows", maxRows, RowCount::parse);
    store.database(); // refuses a database URL that cannot be used before the file is read
    InputFile.Ahead ahead = InputFile.checkAhead(file, Column.MESSAGE, Column.RECIPIENT);
    if (!wholeQuarantineExport) {
      InputFile.refuseQuarantineExport(file, ahead.header(), "add --whole-quarantine-export if every copy in it is to be released");
    }
    return JobReports.runRelease(store, workspace -> {
      InputFile input = ahead.await();
      input.refuseEmpty("release");
      if (cap != null) {
        SizeCap.of(cap, "--max-rows").refuseOver(input.records(), file.toString());
      }
      return parameters(store, options, input, source, target);
    }, options.summaryJson);
  }

  /** The run of a release over a file, identified by its content and the options. */
  static JobParameters parameters(StoreOptions store, ActionOptions options, InputFile input, String source,
      ReleaseTarget target) {
    Source from = source == null ? Source.valueOf(ExportKind.of(input.header()).source())
        : Options.parse(() -> Source.fromOption(source));
    return input.addTo(options.parameters(store, from, target)).toJobParameters();
  }
}
