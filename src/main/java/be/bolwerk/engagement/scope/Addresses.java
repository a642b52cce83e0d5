package be.bolwerk.engagement.scope;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Checks IP addresses and ranges (CIDR) and host names as text, without ever asking DNS: a host name handed to
 * {@code InetAddress} would be looked up, so only literals that can only be addresses go that way.
 */
final class Addresses {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]{2,45}");
    private static final Pattern PREFIX = Pattern.compile("\\d{1,3}");
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)(\\*\\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    private Addresses() {}

    /** An IPv4 or IPv6 address, optionally with a prefix length that fits it ({@code 192.0.2.0/24}). */
    static boolean isAddressOrRange(String value) {
        String address = value;
        Integer prefix = null;
        int slash = value.indexOf('/');
        if (slash >= 0) {
            String bits = value.substring(slash + 1);
            if (!PREFIX.matcher(bits).matches()) {
                return false;
            }
            prefix = Integer.parseInt(bits);
            address = value.substring(0, slash);
        }
        if (IPV4.matcher(address).matches()) {
            return prefix == null || prefix <= 32;
        }
        if (address.contains(":") && IPV6_CHARS.matcher(address).matches()) {
            return isIpv6(address) && (prefix == null || prefix <= 128);
        }
        return false;
    }

    private static boolean isIpv6(String address) {
        try {
            // Only hex digits, colons and dots reach this: a literal, never a name to resolve.
            return InetAddress.getByName(address) instanceof Inet6Address;
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    /** A host or domain name in lower case, optionally a wildcard for its sub-domains ({@code *.example.be}). */
    static boolean isDomain(String value) {
        return DOMAIN.matcher(value).matches();
    }
}
