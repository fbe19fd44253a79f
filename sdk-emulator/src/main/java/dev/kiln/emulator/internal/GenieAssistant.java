package dev.kiln.emulator.internal;

import dev.kiln.emulator.GenieRule;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers Genie messages from the space's rules, moving each through SUBMITTED → FETCHING_METADATA →
 * ASKING_AI → (EXECUTING_QUERY →) COMPLETED | FAILED, one configurable step delay apart. Generated SQL runs
 * as an ordinary statement, so its result is fetched through the SQL routes.
 */
final class GenieAssistant {
  private static final Logger LOG = LoggerFactory.getLogger(GenieAssistant.class);

  private final StatementService statements;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Duration stepDelay;

  GenieAssistant(StatementService statements, ScheduledExecutorService scheduler, Clock clock, Duration stepDelay) {
    this.statements = statements;
    this.scheduler = scheduler;
    this.clock = clock;
    this.stepDelay = stepDelay;
  }

  /** Starts working on a SUBMITTED message; returns at once. */
  void answer(GenieStore.Space space, GenieMessageState message) {
    later(() -> {
      message.moveTo("FETCHING_METADATA", now());
      later(() -> {
        message.moveTo("ASKING_AI", now());
        later(() -> respond(space, message));
      });
    });
  }

  private void respond(GenieStore.Space space, GenieMessageState message) {
    Optional<GenieRule> match = space.spec.ruleFor(message.content());
    if (match.isEmpty()) {
      message.addText(space.spec.fallbackAnswer());
      message.moveTo("COMPLETED", now());
      return;
    }
    GenieRule rule = match.get();
    if (rule.failWith().isPresent()) {
      message.fail(rule.failWith().get(), "GENERIC_CHAT_COMPLETION_EXCEPTION", now());
      return;
    }
    if (rule.sql().isEmpty()) {
      rule.answer().ifPresent(message::addText);
      message.addSuggestions(rule.suggestedQuestions());
      message.moveTo("COMPLETED", now());
      return;
    }
    GenieMessageState.Attachment query =
        message.addQuery(
            rule.queryTitle().orElse(message.content()),
            rule.queryDescription().orElse(rule.answer().orElse("")),
            rule.sql().get());
    runQuery(space, message, query, Optional.of(rule));
  }

  /** Runs the attachment's SQL again (execute-query), e.g. after QUERY_RESULT_EXPIRED. */
  SqlStatement rerun(GenieStore.Space space, GenieMessageState message, GenieMessageState.Attachment query) {
    if (!GenieMessageState.isTerminal(message.status())) {
      throw ApiException.invalidState("Message " + message.id() + " is still " + message.status() + ".");
    }
    return runQuery(space, message, query, Optional.empty());
  }

  /** The message's query result is no longer available: the statement is closed. */
  void expireQueryResult(GenieMessageState message) {
    if (!message.status().equals("COMPLETED")) {
      throw new IllegalStateException("message " + message.id() + " is " + message.status() + ", not COMPLETED");
    }
    GenieMessageState.Attachment query =
        message.queryAttachment(null)
            .orElseThrow(() -> new IllegalStateException("message " + message.id() + " has no query attachment"));
    message.statementIdOf(query).flatMap(statements::find).ifPresent(SqlStatement::close);
    message.moveTo("QUERY_RESULT_EXPIRED", now());
  }

  private SqlStatement runQuery(
      GenieStore.Space space,
      GenieMessageState message,
      GenieMessageState.Attachment query,
      Optional<GenieRule> firstAnswer) {
    SqlStatement statement = statements.submit(StatementRequest.inline(query.sql, space.warehouseId));
    message.attachStatement(query, statement.id());
    message.moveTo("EXECUTING_QUERY", now());
    statement.done().thenAccept(done -> finishQuery(message, query, done, firstAnswer));
    return statement;
  }

  private void finishQuery(
      GenieMessageState message,
      GenieMessageState.Attachment query,
      SqlStatement statement,
      Optional<GenieRule> firstAnswer) {
    SqlStatement.Snapshot snapshot = statement.snapshot();
    switch (snapshot.state) {
      case SUCCEEDED:
        message.recordResult(query, snapshot.result.totalRows(), snapshot.result.truncated());
        firstAnswer.ifPresent(rule -> {
          rule.answer().ifPresent(message::addText);
          message.addSuggestions(rule.suggestedQuestions());
        });
        message.moveTo("COMPLETED", now());
        break;
      case FAILED:
        message.fail(snapshot.failure.getMessage(), "SQL_EXECUTION_EXCEPTION", now());
        break;
      default:
        message.moveTo("CANCELLED", now());
    }
  }

  private void later(Runnable step) {
    Runnable guarded = () -> {
      try {
        step.run();
      } catch (RuntimeException e) {
        LOG.warn("Genie step failed", e);
      }
    };
    try {
      scheduler.schedule(guarded, stepDelay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      // The workspace is closing; the message stays where it is.
    }
  }

  private long now() {
    return clock.millis();
  }
}
