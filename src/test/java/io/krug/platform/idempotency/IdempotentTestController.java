package io.krug.platform.idempotency;

import io.krug.platform.Ids;
import io.krug.platform.web.PlatformError;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test only: idempotent endpoints that count their real executions per {@code tag}. */
@RestController
@RequestMapping("/test-support/idempotent")
class IdempotentTestController {

	private static final Map<String, AtomicInteger> EXECUTIONS = new ConcurrentHashMap<>();

	private static final Map<String, Gate> GATES = new ConcurrentHashMap<>();

	record OrderRequest(String tag, int amount) {
	}

	record OrderCreated(UUID id, String tag, int amount, int execution) {
	}

	/** Holds the executions of one tag inside the handler until released. */
	record Gate(CountDownLatch entered, CountDownLatch release) {

		static Gate install(String tag) {
			Gate gate = new Gate(new CountDownLatch(1), new CountDownLatch(1));
			GATES.put(tag, gate);
			return gate;
		}
	}

	private final TransactionTemplate transactions;

	IdempotentTestController(TransactionTemplate transactions) {
		this.transactions = transactions;
	}

	static int executions(String tag) {
		AtomicInteger count = EXECUTIONS.get(tag);
		return count == null ? 0 : count.get();
	}

	@Idempotent
	@PostMapping("/orders")
	ResponseEntity<OrderCreated> create(@RequestBody OrderRequest request) throws InterruptedException {
		int execution = execute(request.tag());
		Gate gate = GATES.get(request.tag());
		if (gate != null) {
			gate.entered().countDown();
			gate.release().await(30, TimeUnit.SECONDS);
		}
		UUID id = Ids.newId();
		return ResponseEntity.created(URI.create("/test-support/idempotent/orders/" + id))
			.body(new OrderCreated(id, request.tag(), request.amount(), execution));
	}

	/** Fails with 500 on its first execution per tag, succeeds afterwards. */
	@Idempotent
	@PostMapping("/flaky")
	ResponseEntity<OrderCreated> flaky(@RequestBody OrderRequest request) {
		int execution = execute(request.tag());
		if (execution == 1) {
			return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build();
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new OrderCreated(Ids.newId(), request.tag(), request.amount(), execution));
	}

	/** Throws on its first execution per tag, succeeds afterwards. */
	@Idempotent
	@PostMapping("/throwing")
	ResponseEntity<OrderCreated> throwing(@RequestBody OrderRequest request) {
		int execution = execute(request.tag());
		if (execution == 1) {
			throw new IllegalStateException("test-support: deliberate failure");
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new OrderCreated(Ids.newId(), request.tag(), request.amount(), execution));
	}

	/** Always rejects the request with a 422 problem (a business rejection). */
	@Idempotent
	@PostMapping("/rejected")
	OrderCreated rejected(@RequestBody OrderRequest request) {
		int execution = execute(request.tag());
		throw PlatformError.VALIDATION_FAILED.exception("Rejected on execution " + execution + ".");
	}

	@Idempotent(required = false)
	@PostMapping("/optional")
	OrderCreated optional(@RequestBody OrderRequest request) {
		return new OrderCreated(Ids.newId(), request.tag(), request.amount(), execute(request.tag()));
	}

	@PostMapping("/plain")
	OrderCreated plain(@RequestBody OrderRequest request) {
		return new OrderCreated(Ids.newId(), request.tag(), request.amount(), execute(request.tag()));
	}

	/** As {@code /orders}, in one transaction with its key. */
	@Idempotent(sharedTransaction = true)
	@PostMapping("/shared/orders")
	ResponseEntity<OrderCreated> createShared(@RequestBody OrderRequest request) throws InterruptedException {
		return create(request);
	}

	/** As {@code /throwing}, in one transaction with its key. */
	@Idempotent(sharedTransaction = true)
	@PostMapping("/shared/throwing")
	ResponseEntity<OrderCreated> throwingShared(@RequestBody OrderRequest request) {
		return throwing(request);
	}

	/** Rejects the request with a 422 raised inside a transaction, which joins the request's and dooms it. */
	@Idempotent(sharedTransaction = true)
	@PostMapping("/shared/rejected")
	OrderCreated rejectedShared(@RequestBody OrderRequest request) {
		return transactions.execute(status -> rejected(request));
	}

	private static int execute(String tag) {
		return EXECUTIONS.computeIfAbsent(tag, t -> new AtomicInteger()).incrementAndGet();
	}
}
