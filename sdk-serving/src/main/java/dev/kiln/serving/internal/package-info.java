/** Implementation details of sdk-serving (wire DTOs, SSE parsing); not for users. */
package dev.kiln.serving.internal;
