package io.qrelease.jobs.release;

import io.qrelease.domain.ActionType;
import io.qrelease.domain.EntityKey;
import io.qrelease.domain.RuleFilter;
import io.qrelease.jobs.ExportReader;
import io.qrelease.store.Columns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.PagingQueryProvider;
import org.springframework.batch.infrastructure.item.database.support.SqlPagingQueryProviderFactoryBean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The copies a custom detection rule selects: received within its window, in its locations, and
 * matching every key of its filter. The filter's values are bound as parameters; only the fixed
 * fragments below make up the SQL.
 */
public final class RuleSelection {

  private static final int PAGE_SIZE = 1000;

  private final String where;
  private final Map<String, Object> parameters;

  private RuleSelection(String where, Map<String, Object> parameters) {
    this.where = where;
    this.parameters = parameters;
  }

  public static RuleSelection of(RuleFilter filter, ActionType action, Instant start, Instant end) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    List<String> conditions = new ArrayList<>();
    parameters.put("windowStart", Columns.micros(start));
    parameters.put("windowEnd", Columns.micros(end));
    conditions.add("received_at >= :windowStart AND received_at < :windowEnd");
    parameters.put("locations", filter.locationsFor(action).stream().map(Enum::name).toList());
    conditions.add("location IN (:locations)");
    if (!filter.quarantineTypes().isEmpty()) {
      parameters.put("quarantineTypes", filter.quarantineTypes().stream().map(Enum::name).toList());
      conditions.add("quarantine_type IN (:quarantineTypes)");
    }
    if (!filter.senderAddresses().isEmpty()) {
      parameters.put("senderAddresses", filter.senderAddresses());
      conditions.add("LOWER(sender) IN (:senderAddresses)");
    }
    anyOf(conditions, parameters, "senderDomain", filter.senderDomains(), name -> "LOWER(sender) LIKE :" + name,
        domain -> "%@" + domain);
    List<String> recipientAddresses = filter.recipients().stream().filter(EntityKey::isAddress).toList();
    List<String> recipientDomains = filter.recipients().stream().filter(value -> !EntityKey.isAddress(value)).toList();
    List<String> recipients = new ArrayList<>();
    if (!recipientAddresses.isEmpty()) {
      parameters.put("recipientAddresses", recipientAddresses);
      recipients.add("recipient IN (:recipientAddresses)");
    }
    for (int i = 0; i < recipientDomains.size(); i++) {
      parameters.put("recipientDomain" + i, "%@" + recipientDomains.get(i));
      recipients.add("recipient LIKE :recipientDomain" + i);
    }
    if (!recipients.isEmpty()) {
      conditions.add("(" + String.join(" OR ", recipients) + ")");
    }
    anyOf(conditions, parameters, "subject", filter.subjectContains(),
        name -> "POSITION(CAST(:" + name + " AS VARCHAR(4000)) IN LOWER(subject)) > 0", Function.identity());
    return new RuleSelection("(" + String.join(") AND (", conditions) + ")", parameters);
  }

  /** One condition per value, any of which matches, each value bound under its own name. */
  private static void anyOf(List<String> conditions, Map<String, Object> parameters, String prefix,
      List<String> values, Function<String, String> condition, Function<String, String> bound) {
    if (values.isEmpty()) {
      return;
    }
    List<String> any = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      parameters.put(prefix + i, bound.apply(values.get(i)));
      any.add(condition.apply(prefix + i));
    }
    conditions.add("(" + String.join(" OR ", any) + ")");
  }

  public long count(NamedParameterJdbcTemplate jdbc) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM mail_copy WHERE " + where, parameters, Long.class);
  }

  /**
   * Streams the selection as rows, one per copy, numbered by their place in it. It pages by the
   * copy's key rather than by position: released copies leave the selection as the run commits,
   * so a resumed run must carry on after the last key it committed, not skip as many rows.
   */
  public ItemStreamReader<SelectionRow> reader(DataSource dataSource) throws Exception {
    SqlPagingQueryProviderFactoryBean query = new SqlPagingQueryProviderFactoryBean();
    query.setDataSource(dataSource);
    query.setSelectClause("SELECT network_message_id, recipient");
    query.setFromClause("FROM mail_copy");
    query.setWhereClause(where);
    Map<String, Order> sortKeys = new LinkedHashMap<>();
    sortKeys.put("network_message_id", Order.ASCENDING);
    sortKeys.put("recipient", Order.ASCENDING);
    query.setSortKeys(sortKeys);
    PagingQueryProvider provider = query.getObject();
    JdbcPagingItemReader<EntityKey> copies = new JdbcPagingItemReader<>(dataSource, provider);
    copies.setName("ruleSelection");
    copies.setPageSize(PAGE_SIZE);
    copies.setParameterValues(parameters);
    copies.setRowMapper((rows, rowNumber) -> new EntityKey(rows.getString(1), rows.getString(2)));
    copies.afterPropertiesSet();
    return new Rows(copies);
  }

  private static final class Rows implements ItemStreamReader<SelectionRow> {

    private final JdbcPagingItemReader<EntityKey> copies;

    Rows(JdbcPagingItemReader<EntityKey> copies) {
      this.copies = copies;
    }

    @Override
    public void open(ExecutionContext context) {
      copies.open(context);
    }

    @Override
    public SelectionRow read() throws Exception {
      EntityKey copy = copies.read();
      return copy == null ? null
          : new SelectionRow(copies.getCurrentItemCount(), copy.networkMessageId(), List.of(copy.recipient()));
    }

    @Override
    public void update(ExecutionContext context) {
      copies.update(context);
      // The progress line of a resumed run counts from here, as it does for a file.
      context.putLong(ExportReader.RECORDS_READ, copies.getCurrentItemCount());
    }

    @Override
    public void close() {
      copies.close();
    }
  }
}
