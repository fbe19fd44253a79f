/**
 * Immutable models of the Genie API: spaces, conversations, messages, attachments and the
 * {@link dev.kiln.genie.model.GenieAnswer} a finished message turns into. Server-controlled enums
 * have an {@code UNKNOWN} constant and the models keep the raw text beside it.
 */
@KilnStyle
package dev.kiln.genie.model;

import dev.kiln.core.spi.KilnStyle;
