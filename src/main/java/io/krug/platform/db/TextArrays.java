package io.krug.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * A {@code text[]} parameter, for statements that take many rows as arrays ({@code unnest(CAST(:x AS text[]))},
 * cast to the column's type in SQL): one parameter per column instead of one per value.
 */
public final class TextArrays extends AbstractSqlTypeValue {

	private final String[] values;

	private TextArrays(String[] values) {
		this.values = values;
	}

	public static TextArrays of(List<? extends @Nullable Object> values) {
		String[] texts = new String[values.size()];
		for (int i = 0; i < texts.length; i++) {
			Object value = values.get(i);
			texts[i] = value == null ? null
					: value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
		}
		return new TextArrays(texts);
	}

	@Override
	protected Object createTypeValue(Connection con, int sqlType, @Nullable String typeName) throws SQLException {
		return con.createArrayOf("text", values);
	}
}
