/**
 * Model Serving: serving endpoints, model invocations, typed chat/completions/embeddings calls and
 * streamed chat over server-sent events. Start with {@link dev.kiln.serving.ServingClient#create}.
 */
package dev.kiln.serving;
