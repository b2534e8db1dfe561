package io.qrelease.cli;

import io.qrelease.jobs.ExitCode;
import io.qrelease.schedule.JobDefinition;
import io.qrelease.schedule.JobFile;
import io.qrelease.schedule.JobFileException;
import io.qrelease.tenant.Tenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "cron", mixinStandardHelpOptions = true,
    description = "Prints crontab lines for every scheduled job file, ready to paste into 'crontab -e': absolute"
        + " paths, output appended to logs/NAME.log beside the database. A run that starts while another still holds the database"
        + " exits 2 at once, naming that run; the next schedule picks up what it left.")
class CronCommand implements Callable<Integer> {

  @Mixin
  StoreOptions store;

  @Option(names = "--jobs", paramLabel = "DIR", defaultValue = "jobs",
      description = "The folder of job files (default: ${DEFAULT-VALUE}).")
  Path folder;

  @Override
  public Integer call() throws IOException {
    Path project = Path.of("").toAbsolutePath();
    Tenant tenant = store.loadTenant();
    List<JobDefinition> jobs = new ArrayList<>();
    int broken = 0;
    for (Path file : jobFiles()) {
      try {
        jobs.add(JobFile.load(file, tenant, false));
      } catch (JobFileException e) {
        e.problems().forEach(problem -> store.err().println(problem.describe(file)));
        broken++;
      }
    }
    if (broken > 0) {
      // A crontab without the broken jobs would drop them from the schedule without a word.
      store.err().println(broken + (broken == 1 ? " job file has problems; fix it" : " job files have problems; fix them")
          + " before scheduling the jobs (" + store.command("validate", "FILE") + " checks one file).");
      return ExitCode.REFUSED.code();
    }
    store.out().println("# qrelease: the scheduled jobs of " + project.resolve(folder).normalize()
        + ", in this machine's time zone.");
    store.out().println("SHELL=/bin/bash");
    store.out().println("PATH=" + String.join(":", searchPath()));
    // Each job's output goes beside the database, with the database's own log.
    Path logs = store.database().dataDir().toAbsolutePath().normalize().resolve("logs");
    String options = store.given().stream().map(word -> " " + (word.startsWith("--") ? word : quoted(word)))
        .collect(Collectors.joining());
    for (JobDefinition job : jobs) {
      String run = "cd " + quoted(project) + " && mkdir -p " + quoted(logs) + " && ./run.sh run " + quoted(job.file())
          + options + " >> " + quoted(logs.resolve(job.fileStem() + ".log")) + " 2>&1";
      store.out().println(job.scheduled().map(schedule -> schedule + " " + run)
          .orElse("# " + job.file() + " has no schedule; run it with " + store.command("run", job.file().toString())));
    }
    return 0;
  }

  /** Every .yml in the folder but tenant files (told by their keys, whatever their names), in name order. */
  private List<Path> jobFiles() throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new Refusal(folder + " is not a folder; run cron from the checkout, or pass --jobs DIR.");
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.getFileName().toString().matches(".*\\.ya?ml"))
          .filter(file -> !JobFile.isTenantFile(file))
          .sorted().toList();
    }
  }

  /** cron's PATH is /usr/bin:/bin, without the JDK (and Maven, should run.sh need to rebuild) found here. */
  private static Set<String> searchPath() {
    Set<String> path = new LinkedHashSet<>();
    path.add(Path.of(System.getProperty("java.home"), "bin").toString());
    String current = System.getenv("PATH");
    if (current != null) {
      Stream.of(current.split(":")).filter(dir -> Files.isExecutable(Path.of(dir, "mvn"))).findFirst()
          .ifPresent(path::add);
    }
    path.addAll(List.of("/usr/local/bin", "/usr/bin", "/bin"));
    return path;
  }

  /** Quoted for the shell; cron itself would turn a bare % into a newline. */
  private static String quoted(Object value) {
    return "'" + value.toString().replace("'", "'\\''").replace("%", "\\%") + "'";
  }
}
