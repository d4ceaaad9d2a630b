package io.krug.integrations.connector;

import io.krug.platform.db.DatabaseProperties;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Keeps connectors away from the service's own network (SSRF through a business owner's {@code base_url}): unless
 * {@code krug.integrations.allow-private-targets} (unset: true only on the embedded database, i.e. local
 * development), a partner system must be {@code https} and resolve to public addresses only, checked before every
 * request.
 */
@Component
public class ConnectorTargets {

	private final boolean allowPrivate;

	ConnectorTargets(@Value("${krug.integrations.allow-private-targets:#{null}}") @Nullable Boolean allowPrivate,
			DatabaseProperties database) {
		this.allowPrivate = allowPrivate != null ? allowPrivate : database.embedded();
	}

	/** @throws ConnectorException {@code CONFIG} for a target that is not allowed */
	public void check(URI uri) {
		if (allowPrivate) {
			return;
		}
		if (!"https".equals(uri.getScheme())) {
			throw refused("must be https");
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
				if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
						|| address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal(address)) {
					throw refused("points at a private address");
				}
			}
		}
		catch (UnknownHostException ex) {
			throw new ConnectorException(ConnectorException.Kind.UNAVAILABLE, "The host of base_url does not resolve");
		}
	}

	/**
	 * {@code builder} with this check before every request it sends, whatever the connector builds the URL from
	 * ({@code base_url}, a webhook URL secret, a link the system returned for the next page).
	 */
	public RestClient.Builder guard(RestClient.Builder builder) {
		return builder.clone().requestInterceptor((request, body, execution) -> {
			check(request.getURI());
			return execution.execute(request, body);
		});
	}

	private static boolean uniqueLocal(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == 16 && (bytes[0] & 0xFE) == 0xFC;
	}

	private static ConnectorException refused(String why) {
		return new ConnectorException(ConnectorException.Kind.CONFIG, "The setting base_url " + why);
	}
}
