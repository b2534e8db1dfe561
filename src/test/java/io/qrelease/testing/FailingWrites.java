package io.qrelease.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A database that fails on write, for the tests of what a run does when it does: when the system
 * property {@value #STATEMENT} names the start of a statement, the batch executions of that
 * statement succeed {@value #AFTER} times and then fail {@value #TIMES} times (-1: for ever) with
 * a transient connection fault, as a database that went away for a moment would.
 */
@AutoConfiguration
@ConditionalOnProperty(FailingWrites.STATEMENT)
public class FailingWrites {

  public static final String STATEMENT = "qrelease.test.failing-writes.statement";
  public static final String AFTER = "qrelease.test.failing-writes.after";
  public static final String TIMES = "qrelease.test.failing-writes.times";

  /** How many writes have failed in this JVM, for the tests to check. */
  public static final AtomicInteger FAILURES = new AtomicInteger();

  @Bean
  static BeanPostProcessor failingWrites(Environment environment) {
    String statement = environment.getRequiredProperty(STATEMENT);
    int after = environment.getProperty(AFTER, Integer.class, 0);
    int times = environment.getProperty(TIMES, Integer.class, -1);
    AtomicInteger executions = new AtomicInteger();
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof DataSource dataSource)) {
          return bean;
        }
        return proxy(DataSource.class, dataSource, statement, after, times, executions);
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object target, String statement, int after, int times,
      AtomicInteger executions) {
    InvocationHandler handler = (self, method, arguments) -> {
      Object result;
      try {
        result = method.invoke(target, arguments);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (type == DataSource.class && method.getName().equals("getConnection")) {
        return proxy(Connection.class, result, statement, after, times, executions);
      }
      if (type == Connection.class && method.getName().equals("prepareStatement")
          && arguments != null && arguments[0] instanceof String sql && sql.trim().startsWith(statement)) {
        return failingStatement((PreparedStatement) result, after, times, executions);
      }
      return result;
    };
    return (T) Proxy.newProxyInstance(FailingWrites.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static PreparedStatement failingStatement(PreparedStatement statement, int after, int times,
      AtomicInteger executions) {
    return (PreparedStatement) Proxy.newProxyInstance(FailingWrites.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, (self, method, arguments) -> {
          if (method.getName().equals("executeBatch")) {
            int execution = executions.incrementAndGet();
            if (execution > after && (times < 0 || execution <= after + times)) {
              FAILURES.incrementAndGet();
              throw new SQLTransientConnectionException("simulated loss of the database connection");
            }
          }
          try {
            return method.invoke(statement, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
