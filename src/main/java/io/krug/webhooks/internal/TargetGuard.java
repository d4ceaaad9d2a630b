package io.krug.webhooks.internal;

import io.krug.platform.web.KrugException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Keeps webhooks away from the service's own network (SSRF): unless private targets are allowed, an endpoint must be
 * {@code https} and its host must not resolve to a loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7),
 * link-local (169.254/16, fe80::/10), multicast, unspecified or otherwise reserved address (0/8, 100.64/10 shared,
 * 192.0.0/24, 198.18/15 benchmarking, 240/4; IPv4 inside IPv6 is unwrapped). Checked when an endpoint is saved and
 * again before every delivery, after resolving the name: a name may point elsewhere later. The JDK caches the
 * lookup (30 s by default), so the request connects to the address just checked.
 */
public final class TargetGuard {

	/** Resolves a host name; {@code InetAddress::getAllByName} outside tests. */
	@FunctionalInterface
	public interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	private final boolean allowPrivate;

	private final Resolver resolver;

	public TargetGuard(boolean allowPrivate, Resolver resolver) {
		this.allowPrivate = allowPrivate;
		this.resolver = resolver;
	}

	public boolean allowsPrivate() {
		return allowPrivate;
	}

	/**
	 * Checks an endpoint URL when it is saved. A host that does not resolve (yet) is accepted; delivery checks again.
	 *
	 * @throws KrugException 422 {@code invalid_url} or {@code target_not_allowed}
	 */
	public URI validate(String field, String url) {
		URI uri = parse(url).orElseThrow(() -> KrugException.field(WebhookError.INVALID_URL, field,
				"must be an absolute http(s) URL with a host, without user info or fragment"));
		if (!allowPrivate && !uri.getScheme().equals("https")) {
			throw KrugException.field(WebhookError.INVALID_URL, field, "must use https");
		}
		try {
			check(uri);
		}
		catch (Refused ex) {
			throw KrugException.field(WebhookError.TARGET_NOT_ALLOWED, field, ex.getMessage());
		}
		catch (UnknownHostException ex) {
			// not resolvable now: delivery checks again when it is
		}
		return uri;
	}

	/** Checks a target right before a delivery, resolving its host. */
	public void checkDelivery(URI uri) throws Refused, UnknownHostException {
		if (!allowPrivate && !"https".equals(uri.getScheme())) {
			throw new Refused("plain http targets are not allowed");
		}
		check(uri);
	}

	private void check(URI uri) throws Refused, UnknownHostException {
		if (allowPrivate) {
			return;
		}
		String host = uri.getHost();
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		for (InetAddress address : resolver.resolve(host)) {
			if (internal(address)) {
				throw new Refused(uri.getHost() + " resolves to " + address.getHostAddress()
						+ ", an internal address");
			}
		}
	}

	static java.util.Optional<URI> parse(String url) {
		try {
			URI uri = new URI(url.trim());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			boolean ok = uri.isAbsolute() && (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
					&& uri.getRawUserInfo() == null && uri.getRawFragment() == null && url.length() <= 2048;
			return ok ? java.util.Optional.of(uri) : java.util.Optional.empty();
		}
		catch (URISyntaxException ex) {
			return java.util.Optional.empty();
		}
	}

	/** Whether an address belongs to a network a webhook must not reach. */
	static boolean internal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isMulticastAddress() || address.isAnyLocalAddress()) {
			return true;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			return reservedV4(b);
		}
		if (address instanceof Inet6Address) {
			boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
			boolean zeroPrefix = allZero(b, 0, 12);
			boolean nat64 = b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
					&& allZero(b, 4, 12);
			boolean sixToFour = b[0] == 0x20 && b[1] == 0x02;
			if (uniqueLocal) {
				return true;
			}
			if (zeroPrefix || nat64) {
				return internal(v4(Arrays.copyOfRange(b, 12, 16)));
			}
			if (sixToFour) {
				return internal(v4(Arrays.copyOfRange(b, 2, 6)));
			}
		}
		return false;
	}

	private static boolean reservedV4(byte[] b) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		return first == 0 || first >= 240 || (first == 100 && (second & 0xc0) == 64)
				|| (first == 192 && second == 0 && (b[2] & 0xff) == 0) || (first == 198 && (second & 0xfe) == 18);
	}

	private static boolean allZero(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static InetAddress v4(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("4 bytes are an IPv4 address", ex);
		}
	}

	/** A target the guard refuses. */
	public static final class Refused extends Exception {

		Refused(String message) {
			super(message);
		}

	}
}
