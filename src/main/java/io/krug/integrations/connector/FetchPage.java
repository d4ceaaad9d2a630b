package io.krug.integrations.connector;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of sales.
 *
 * @param nextCursor where the next page starts; {@code null} when this was the window's last page
 */
public record FetchPage(List<ExternalSale> sales, @Nullable String nextCursor) {

	public FetchPage {
		sales = List.copyOf(sales);
	}

	public static FetchPage last(List<ExternalSale> sales) {
		return new FetchPage(sales, null);
	}
}
