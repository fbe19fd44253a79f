/**
 * Immutable request and response types of Model Serving: endpoints, invocation payloads and the
 * OpenAI-style chat, completions and embeddings shapes. Build requests with {@code Foo.builder()}.
 */
@KilnStyle
package dev.kiln.serving.model;

import dev.kiln.core.spi.KilnStyle;
