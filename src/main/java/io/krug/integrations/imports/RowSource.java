package io.krug.integrations.imports;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The rows of a file, read one at a time: values by canonical column name, and the row as written. */
interface RowSource extends Closeable {

	/** A row as read. */
	record Raw(long line, Map<String, String> values, String text) {
	}

	/** The next row; {@code null} at the end. */
	@Nullable Raw next();

	/** The whole file cannot be imported (e.g. a required column is missing). */
	final class FileRejected extends RuntimeException {

		FileRejected(String message) {
			super(message);
		}
	}

	/**
	 * A CSV file: the separator is detected from the header line, which names the columns. Line numbers count the
	 * header as line 1 and assume no value spans lines.
	 */
	static RowSource csv(BufferedReader reader) throws IOException {
		reader.mark(TextDetection.SAMPLE);
		String header = reader.readLine();
		if (header == null) {
			throw new FileRejected("The file is empty.");
		}
		reader.reset();
		char separator = TextDetection.separator(header);
		CSVParser parser = CSVFormat.DEFAULT.builder()
			.setDelimiter(separator)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.setAllowMissingColumnNames(true)
			.setIgnoreHeaderCase(true)
			.setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
			.get()
			.parse(reader);
		Columns columns = Columns.of(parser.getHeaderNames());
		if (!columns.missing().isEmpty()) {
			parser.close();
			throw new FileRejected("Missing columns: " + String.join(", ", columns.missing())
					+ ". The header must name date, customer_phone and amount (or дата, телефон, сумма).");
		}
		Iterator<CSVRecord> records = parser.iterator();
		String delimiter = String.valueOf(separator);
		return new RowSource() {

			@Override
			public @Nullable Raw next() {
				try {
					if (!records.hasNext()) {
						return null;
					}
					CSVRecord record = records.next();
					Map<String, String> values = new HashMap<>();
					for (String column : List.of(Columns.DATE, Columns.PHONE, Columns.AMOUNT, Columns.DESCRIPTION,
							Columns.EXTERNAL_ID, Columns.CATEGORY)) {
						Integer position = columns.position(column);
						if (position != null && position < record.size()) {
							values.put(column, record.get(position));
						}
					}
					return new Raw(record.getRecordNumber() + 1, values, String.join(delimiter, record.values()));
				}
				catch (UncheckedIOException ex) {
					throw new FileRejected("The file is not valid CSV after line " + (record() + 1) + ".");
				}
			}

			private long record() {
				return parser.getRecordNumber();
			}

			@Override
			public void close() throws IOException {
				parser.close();
			}
		};
	}

	/** JSON lines: one object a line, keys as CSV headers; lines count from 1. */
	static RowSource jsonLines(BufferedReader reader, JsonMapper json) {
		return new RowSource() {

			private long line;

			@Override
			public @Nullable Raw next() {
				try {
					String text;
					do {
						text = reader.readLine();
						line++;
					}
					while (text != null && text.isBlank());
					if (text == null) {
						return null;
					}
					return new Raw(line, values(text), text);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}

			private Map<String, String> values(String text) {
				Map<String, String> values = new HashMap<>();
				try {
					JsonNode node = json.readTree(text);
					node.properties().forEach(e -> {
						String column = Columns.canonical(e.getKey());
						if (column != null && !e.getValue().isNull()) {
							values.put(column, e.getValue().asString());
						}
					});
				}
				catch (JacksonException ex) {
					// an unreadable line has no values: the parser rejects it for the missing required ones
				}
				return values;
			}

			@Override
			public void close() throws IOException {
				reader.close();
			}
		};
	}
}
