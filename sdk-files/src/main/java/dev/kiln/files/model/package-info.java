/**
 * Immutable types of the Files APIs: DBFS file infos, workspace objects and their enums, volume
 * directory entries and file metadata.
 */
@KilnStyle
package dev.kiln.files.model;

import dev.kiln.core.spi.KilnStyle;
