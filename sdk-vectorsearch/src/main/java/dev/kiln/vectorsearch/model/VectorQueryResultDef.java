package dev.kiln.vectorsearch.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One page of similarity-search matches, best first. */
@Value.Immutable
abstract class VectorQueryResultDef {
  /** Column names from the result manifest; the last one holds the score. */
  public abstract List<String> columns();

  /** The matches on this page, best first. */
  public abstract List<VectorMatch> matches();

  /** Rows in this page as the server counts them (the number of matches when it does not say). */
  public abstract long rowCount();

  /** Token for {@code queryNextPage}; empty on the last page. */
  public abstract Optional<String> nextPageToken();

  /** Whether another page follows ({@link #nextPageToken()} is present). */
  public boolean hasNextPage() {
    return nextPageToken().isPresent();
  }
}
