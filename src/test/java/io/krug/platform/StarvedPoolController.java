package io.krug.platform;

import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test support: a request that finds no pooled connection, as under overload. */
@RestController
class StarvedPoolController {

	@GetMapping("/test-support/starved")
	String starved() {
		throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
	}
}
