package io.qrelease.report;

/**
 * How many columns text output may take. {@code COLUMNS} says it when set (run.sh sets it from
 * the terminal); the system property {@value #COLUMNS_PROPERTY} says it over {@code COLUMNS}, for a
 * JVM whose environment cannot be changed, such as a test's. Otherwise a terminal is taken to be
 * 80 columns wide: the JVM can only ask it by starting a process (30 ms, the median of ten runs,
 * where run.sh's stty takes 3 ms). Output into a pipe or a file gets the 100 columns the tables
 * were laid out for; a script that needs every value in full reads {@code --json}.
 */
public final class Terminal {

  public static final String COLUMNS_PROPERTY = "qrelease.columns";
  private static final int TERMINAL = 80;
  private static final int PIPE = 100;

  private Terminal() {
  }

  public static int width() {
    for (String columns : new String[] {System.getProperty(COLUMNS_PROPERTY), System.getenv("COLUMNS")}) {
      if (columns != null && columns.trim().matches("[1-9][0-9]{0,3}")) {
        return Integer.parseInt(columns.trim());
      }
    }
    return System.console() == null ? PIPE : TERMINAL;
  }
}
