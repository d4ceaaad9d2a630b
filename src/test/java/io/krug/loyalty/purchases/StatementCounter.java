package io.krug.loyalty.purchases;

import java.util.ArrayList;
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
 * runs, or those the embedded server's request threads execute while an HTTP call of the test is answered.
 * Registered once per data source; other threads' statements are ignored.
 */
final class StatementCounter implements QueryExecutionListener {

	private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

	private static final String REQUEST_THREADS = "tomcat-handler-";

	private static volatile boolean registered;

	private static volatile List<String> requests;

	private StatementCounter() {
	}

	/** The statements {@code work} executed on this thread, in order. */
	static List<String> record(DataSource dataSource, Runnable work) {
		register(dataSource);
		List<String> statements = new ArrayList<>();
		RECORDING.set(statements);
		try {
			work.run();
		}
		finally {
			RECORDING.remove();
		}
		return statements;
	}

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

	/**
	 * The statements the server's request threads executed while {@code call} ran: meant for one HTTP request at a
	 * time, whose handling (filters, controller, transaction, listeners on the request thread) they are.
	 */
	static <T> T recordRequests(DataSource dataSource, Supplier<T> call, List<String> into) {
		register(dataSource);
		requests = new CopyOnWriteArrayList<>();
		try {
			return call.get();
		}
		finally {
			into.addAll(requests);
			requests = null;
		}
	}

	private static synchronized void register(DataSource dataSource) {
		if (registered) {
			return;
		}
		ChainListener chain = ((ProxyDataSource) dataSource).getProxyConfig().getQueryListener();
		// a new list rather than adding to the live one: other threads may be iterating it right now
		List<QueryExecutionListener> listeners = new CopyOnWriteArrayList<>(chain.getListeners());
		listeners.add(new StatementCounter());
		chain.setListeners(listeners);
		registered = true;
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		List<String> requested = requests;
		List<String> statements = RECORDING.get() != null ? RECORDING.get()
				: requested != null && Thread.currentThread().getName().startsWith(REQUEST_THREADS) ? requested : null;
		if (statements != null) {
			queries.forEach(q -> statements.add(q.getQuery().replaceAll("\\s+", " ").strip()));
		}
	}
}
