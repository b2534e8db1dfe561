package io.qrelease.input;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvMultilineLimitBrokenException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams a CSV export record by record in constant memory, following SPEC §3: RFC 4180 quoting,
 * UTF-8 with or without a byte order mark, CRLF or LF, a leading PowerShell {@code #TYPE} line and
 * blank lines skipped. Fields are separated by commas, semicolons or tabs, as told by the header
 * or by an Excel {@code sep=} line before it (see {@link Delimiter}), which is skipped too.
 *
 * <p>Bytes that are not valid UTF-8 in data rows become U+FFFD instead of failing the run: the
 * identifiers qrelease acts on (message ids, addresses) are ASCII, so a damaged row is rejected by
 * the row rules as malformed while a subject saved in a legacy code page costs nothing. A header
 * that does not decode, or a UTF-16 file, is refused, since no column could be trusted.
 *
 * <p>A record may span at most {@value #MAX_LINES_PER_RECORD} lines: an unbalanced quote would
 * otherwise swallow the rest of a million-row file into one cell.
 */
public final class CsvInput implements AutoCloseable {

  static final int MAX_LINES_PER_RECORD = 1000;
  private static final int BUFFER_CHARS = 1 << 16;
  static final String POWERSHELL_TYPE_LINE = "#TYPE";

  private final String fileName;
  private final CSVReader reader;
  /** Kept for a resumed read, which starts past the lines it is decided from. */
  private final char delimiter;
  private final Header header;
  /** Lines skipped before the reader started, for a resumed read. */
  private final long linesBefore;

  private CsvInput(String fileName, BufferedReader text) throws IOException {
    this.fileName = fileName;
    this.delimiter = Delimiter.of(text);
    this.reader = csv(text, delimiter);
    this.linesBefore = 0;
    this.header = readHeader();
  }

  private CsvInput(String fileName, BufferedReader text, char delimiter, Header header, long linesBefore) {
    this.fileName = fileName;
    this.delimiter = delimiter;
    this.reader = csv(text, delimiter);
    this.header = header;
    this.linesBefore = linesBefore;
  }

  /** Opens the file and reads up to and including its header row. */
  public static CsvInput open(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new InputRefusedException(file + " is a directory; name the CSV file itself.");
    }
    try {
      return open(Files.newInputStream(file), file.getFileName() == null ? file.toString() : file.getFileName().toString());
    } catch (NoSuchFileException e) {
      throw new InputRefusedException(file + " does not exist; check the path and try again.", e);
    }
  }

  /** Reads the CSV from a stream (closed with this input) up to and including its header row. */
  public static CsvInput open(InputStream bytes, String fileName) throws IOException {
    try {
      return new CsvInput(fileName, lengthLimited(utf8(bytes, fileName), fileName));
    } catch (IOException | RuntimeException e) {
      bytes.close();
      throw e;
    }
  }

  /**
   * Opens the file to read on from a record boundary a previous read reached after consuming
   * {@code linesRead} physical lines: the header is read again, the lines up to there are skipped
   * as bytes without being parsed, so resuming near the end of a large file costs almost nothing.
   * The lines skipped include a {@code sep=} line, as they include a {@code #TYPE} line.
   */
  public static CsvInput resume(Path file, long linesRead) throws IOException {
    char delimiter;
    Header header;
    try (CsvInput start = open(file)) {
      delimiter = start.delimiter;
      header = start.header();
    }
    InputStream rest = LineSkip.past(Files.newInputStream(file), linesRead);
    try {
      String fileName = file.getFileName().toString();
      return new CsvInput(fileName, lengthLimited(new InputStreamReader(rest, StandardCharsets.UTF_8), fileName),
          delimiter, header, linesRead);
    } catch (RuntimeException e) {
      rest.close();
      throw e;
    }
  }

  private static BufferedReader lengthLimited(Reader text, String fileName) {
    return new BufferedReader(new RecordLengthLimit(text, fileName), BUFFER_CHARS);
  }

  private static CSVReader csv(BufferedReader text, char delimiter) {
    return new CSVReaderBuilder(text)
        .withCSVParser(new OnePassParser(delimiter))
        .withVerifyReader(false)
        .withMultilineLimit(MAX_LINES_PER_RECORD)
        .build();
  }

  public Header header() {
    return header;
  }

  /** The next non-blank record, or null at the end of the file. */
  public CsvRow next() throws IOException {
    while (true) {
      long firstLine = linesRead() + 1;
      String[] cells = readRecord(firstLine);
      if (cells == null) {
        return null;
      }
      if (!blank(cells)) {
        return new CsvRow(firstLine, cells);
      }
    }
  }

  /** Physical lines consumed so far, the #TYPE line and blank lines included. */
  public long linesRead() {
    return linesBefore + reader.getLinesRead();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private Header readHeader() throws IOException {
    String[] cells = nextNonBlank();
    while (cells != null && (cells[0].startsWith(POWERSHELL_TYPE_LINE) || Delimiter.isHint(cells))) {
      cells = nextNonBlank();
    }
    if (cells == null) {
      throw new InputRefusedException(
          fileName
              + " has no header row; export it again with its column names on the first line.");
    }
    for (String cell : cells) {
      if (cell.indexOf('\uFFFD') >= 0 || cell.indexOf('\0') >= 0) {
        throw notUtf8();
      }
    }
    return new Header(List.of(cells));
  }

  private String[] nextNonBlank() throws IOException {
    CsvRow row = next();
    return row == null ? null : row.cells();
  }

  private String[] readRecord(long firstLine) throws IOException {
    try {
      return reader.readNextSilently();
    } catch (CsvMultilineLimitBrokenException | CsvMalformedLineException e) {
      throw unbalancedQuote(firstLine, e);
    }
  }

  private InputRefusedException unbalancedQuote(long firstLine, IOException cause) {
    return new InputRefusedException(
        fileName + " has a quoted field opened on line " + firstLine
            + " that is never closed; fix the quotes on that line and run again.",
        cause);
  }

  private InputRefusedException notUtf8() {
    return new InputRefusedException(
        fileName
            + " is not UTF-8 text; save it as CSV UTF-8 (PowerShell: Export-Csv -Encoding UTF8)"
            + " and run again.");
  }

  /** Spreadsheets save empty rows as ",,,", which is as blank as an empty line. */
  private static boolean blank(String[] cells) {
    for (String cell : cells) {
      if (cell != null && !cell.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Consumes a UTF-8 byte order mark, refuses a UTF-16 one (Windows PowerShell's "Unicode"
   * encoding, a common mistake) and decodes the rest as UTF-8 with replacement.
   */
  private static InputStreamReader utf8(InputStream bytes, String fileName) throws IOException {
    PushbackInputStream in = new PushbackInputStream(bytes, 3);
    byte[] start = new byte[3];
    int read = in.readNBytes(start, 0, 3);
    if (read >= 2
        && ((start[0] == (byte) 0xFF && start[1] == (byte) 0xFE)
            || (start[0] == (byte) 0xFE && start[1] == (byte) 0xFF))) {
      throw new InputRefusedException(
          fileName + " is UTF-16 text; save it as CSV UTF-8 (PowerShell: Export-Csv -Encoding UTF8)"
              + " and run again.");
    }
    boolean utf8Bom =
        read == 3 && start[0] == (byte) 0xEF && start[1] == (byte) 0xBB && start[2] == (byte) 0xBF;
    if (!utf8Bom) {
      in.unread(start, 0, read);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
