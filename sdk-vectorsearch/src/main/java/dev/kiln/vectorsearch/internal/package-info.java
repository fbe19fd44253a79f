/**
 * Vector Search wire forms and decoding; not part of the API (the module does not export it).
 * Every DTO here has one style: an immutable final class, {@code @JsonProperty} on private final
 * fields; request bodies are made with a static {@code of(..)}, response bodies through a
 * {@code @JsonCreator} constructor and turned into model types by {@code toPage()}/{@code toResult()}.
 */
package dev.kiln.vectorsearch.internal;
