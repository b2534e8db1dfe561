package io.qrelease.cli;

import io.qrelease.app.InputFile;
import io.qrelease.input.Column;
import io.qrelease.input.ExportKind;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Loads or updates the store from a quarantine export (Get-QuarantineMessage) or an Advanced Hunting EmailEvents export, one copy per message and recipient. Rows that cannot be used go to a rejects file with their line number and why; the rest still loads.")
class ImportCommand implements Callable<Integer> {

  @Mixin
  StoreOptions store;

  @Parameters(index = "0", paramLabel = "FILE", description = "The export to load (CSV).")
  Path file;

  @Override
  public Integer call() throws Exception {
    store.database(); // refuses a database URL that cannot be used before the file is read
    InputFile.Ahead ahead = InputFile.checkAhead(file, Column.MESSAGE, Column.RECIPIENT);
    ExportKind kind = ExportKind.of(ahead.header());
    if (kind != ExportKind.QUARANTINE_EXPORT && kind != ExportKind.EMAIL_EVENTS) {
      throw new Refusal(file + " is not a quarantine export or an EmailEvents export; export one of those to import.");
    }
    return JobReports.runImport(store, workspace -> {
      InputFile input = ahead.await();
      input.refuseEmpty("import");
      return input.addTo(new JobParametersBuilder()).toJobParameters();
    });
  }
}
