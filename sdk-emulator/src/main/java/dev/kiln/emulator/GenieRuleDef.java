package dev.kiln.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a Genie space answers questions that contain all of its {@link #keywords()} (case-insensitive): with
 * SQL run on the workspace's SQL engine (a query attachment), a text answer, suggested follow-up questions,
 * or a failure. Build one with {@code GenieRule.builder()}:
 *
 * <pre>{@code
 * GenieRule.builder()
 *     .addKeywords("open", "opportunities")
 *     .sql("SELECT name, amount FROM crm.opportunities WHERE stage = 'open' ORDER BY amount DESC")
 *     .answer("These are the biggest open opportunities.")
 *     .addSuggestedQuestions("Which region has the most?")
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class GenieRuleDef {
  // Package-private: only the generated class extends it.
  GenieRuleDef() {}

  /** Words or phrases that must all appear in the question. */
  public abstract List<String> keywords();

  /** The SQL Genie "generates"; it runs as a statement on the space's warehouse. */
  public abstract Optional<String> sql();

  /** The text attachment of the answer. */
  public abstract Optional<String> answer();

  /** The query attachment's title; defaults to the question. */
  public abstract Optional<String> queryTitle();

  /** The query attachment's description. */
  public abstract Optional<String> queryDescription();

  /** Follow-up questions offered with the answer; none when empty. */
  public abstract List<String> suggestedQuestions();

  /** When present, matching messages end FAILED with this error (for testing failure handling). */
  public abstract Optional<String> failWith();

  /** Whether {@code question} contains every keyword. */
  public boolean matches(String question) {
    String lower = question.toLowerCase(Locale.ROOT);
    return keywords().stream().allMatch(keyword -> lower.contains(keyword.toLowerCase(Locale.ROOT)));
  }

  /**
   * Rejects a rule that could not answer, when it is built.
   *
   * @throws IllegalStateException without a keyword, or without sql, answer and failWith
   */
  @Value.Check
  protected void check() {
    if (keywords().isEmpty()) {
      throw new IllegalStateException("a Genie rule needs at least one keyword");
    }
    if (sql().isEmpty() && answer().isEmpty() && failWith().isEmpty()) {
      throw new IllegalStateException("a Genie rule needs sql, answer or failWith");
    }
  }
}
