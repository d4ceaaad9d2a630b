/**
 * CSV and JSON-lines imports of purchases (seed 003 "ConnectorCSV", risk 1's fallback for businesses without an
 * API): the uploaded file is stored, then a job streams it and records each row through the purchase pipeline.
 */
@NullMarked
package io.krug.integrations.imports;

import org.jspecify.annotations.NullMarked;
