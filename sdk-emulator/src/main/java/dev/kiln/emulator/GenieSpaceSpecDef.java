package dev.kiln.emulator;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Genie space to add with {@link LocalWorkspace#addGenieSpace}: title, description, warehouse and the
 * {@link GenieRule}s it answers with (the first matching rule wins). Questions no rule matches complete
 * with {@link #fallbackAnswer()} as text.
 *
 * <pre>{@code
 * String spaceId = ws.addGenieSpace(GenieSpaceSpec.builder()
 *     .title("Sales")
 *     .addRules(GenieRule.builder().addKeywords("revenue").sql("SELECT SUM(amount) FROM sales").build())
 *     .build());
 * }</pre>
 */
@Value.Immutable
public abstract class GenieSpaceSpecDef {
  // Package-private: only the generated class extends it.
  GenieSpaceSpecDef() {}

  /** The id; 32 hex digits are generated when absent. */
  public abstract Optional<String> spaceId();

  /** The space's title, as listed. */
  public abstract String title();

  /** The space's description; empty by default. */
  @Value.Default
  public String description() {
    return "";
  }

  /** The warehouse the space's SQL runs on; the workspace's default warehouse when absent. */
  public abstract Optional<String> warehouseId();

  /**
   * The rules tried in order for each question; none means every question gets
   * {@link #fallbackAnswer()}.
   */
  public abstract List<GenieRule> rules();

  /** The text answer to a question no rule matches; a short "could not answer" by default. */
  @Value.Default
  public String fallbackAnswer() {
    return "I could not answer that question with the data in this space. Try rephrasing it.";
  }

  /** The first rule matching {@code question}, if any. */
  public Optional<GenieRule> ruleFor(String question) {
    return rules().stream().filter(rule -> rule.matches(question)).findFirst();
  }
}
