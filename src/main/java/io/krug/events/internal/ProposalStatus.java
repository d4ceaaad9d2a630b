package io.krug.events.internal;

/** A proposal's life: put to the vote, then approved (top three of its month) or rejected, and realized. */
public enum ProposalStatus {

	VOTING, APPROVED, REJECTED, REALIZED;

	public String key() {
		return Keys.of(this);
	}
}
