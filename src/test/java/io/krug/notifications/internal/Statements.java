package io.krug.notifications.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.ChainListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;

/**
 * Records the SQL statements the current thread executes through the service's (proxied) pool while a piece of work
 * runs; other threads' statements are ignored. Registered once per data source.
 */
final class Statements implements QueryExecutionListener {

	private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

	private static volatile boolean registered;

	private Statements() {
	}

	/** Runs {@code work}, adding the statements it executed on this thread to {@code into}, in order. */
	static <T> T record(DataSource dataSource, Supplier<T> work, List<String> into) {
		register(dataSource);
		RECORDING.set(into);
		try {
			return work.get();
		}
		finally {
			RECORDING.remove();
		}
	}

	private static synchronized void register(DataSource dataSource) {
		if (registered) {
			return;
		}
		ChainListener chain = ((ProxyDataSource) dataSource).getProxyConfig().getQueryListener();
		// a new list rather than adding to the live one: other threads may be iterating it right now
		List<QueryExecutionListener> listeners = new CopyOnWriteArrayList<>(chain.getListeners());
		listeners.add(new Statements());
		chain.setListeners(listeners);
		registered = true;
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		List<String> statements = RECORDING.get();
		if (statements != null) {
			queries.forEach(q -> statements.add(q.getQuery().replaceAll("\\s+", " ").strip()));
		}
	}
}
