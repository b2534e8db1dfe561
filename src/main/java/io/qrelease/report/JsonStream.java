package io.qrelease.report;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for scripts, written while it is produced, so a listing of a million entities needs no
 * memory for them. Instants are written as UTC ISO-8601 strings.
 */
public final class JsonStream implements AutoCloseable {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter()
      .without(StreamWriteFeature.AUTO_CLOSE_TARGET);

  private final PrintWriter out;
  private final JsonGenerator generator;

  private JsonStream(PrintWriter out) {
    this.out = out;
    this.generator = WRITER.createGenerator(out);
  }

  /** The terminal's output stays open when the JSON is done. */
  public static JsonStream to(PrintWriter out) {
    return new JsonStream(out);
  }

  /** Writes the properties of a record into the object being written, in the record's order. */
  public void writeProperties(Object record) {
    MAPPER.convertValue(record, new TypeReference<LinkedHashMap<String, Object>>() { })
        .forEach(generator::writePOJOProperty);
  }

  public JsonGenerator generator() {
    return generator;
  }

  @Override
  public void close() {
    generator.close();
    out.println();
    out.flush();
  }
}
