package org.plauder.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which client address to believe: the connection's own, unless it comes from a proxy the operator
 * listed (PLAUDER_TRUSTED_PROXIES), in which case the right-most address of X-Forwarded-For that is
 * not itself a listed proxy. Everything left of that was written by the client and may be forged.
 * Plain Java: addresses are parsed as literals only, never looked up in DNS.
 */
public final class TrustedProxies {

  /** One listed network: an address and how many of its leading bits must match. */
  private record Network(byte[] address, int prefixBits) {
    boolean contains(InetAddress candidate) {
      byte[] other = candidate.getAddress();
      if (other.length != address.length) {
        return false;
      }
      int full = prefixBits / 8;
      for (int i = 0; i < full; i++) {
        if (other[i] != address[i]) {
          return false;
        }
      }
      int rest = prefixBits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xFF << (8 - rest) & 0xFF;
      return (other[full] & mask) == (address[full] & mask);
    }
  }

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private static final TrustedProxies NONE = new TrustedProxies(List.of());

  private final List<Network> networks;

  private TrustedProxies(List<Network> networks) {
    this.networks = networks;
  }

  public static TrustedProxies none() {
    return NONE;
  }

  /**
   * Parses a comma-separated list of addresses and CIDR networks ("10.0.0.0/8, 192.168.1.7, ::1");
   * null or blank is none. Anything else is refused, so a typo does not silently trust nobody.
   */
  public static TrustedProxies parse(String list) {
    if (list == null || list.isBlank()) {
      return NONE;
    }
    List<Network> networks = new ArrayList<>();
    for (String entry : list.split(",")) {
      String item = entry.trim();
      if (item.isEmpty()) {
        continue;
      }
      int slash = item.indexOf('/');
      InetAddress address = literal(slash < 0 ? item : item.substring(0, slash));
      if (address == null) {
        throw new IllegalArgumentException("PLAUDER_TRUSTED_PROXIES: '" + item + "' is not an IP address or CIDR network");
      }
      int maxBits = address.getAddress().length * 8;
      int bits = maxBits;
      if (slash >= 0) {
        try {
          bits = Integer.parseInt(item.substring(slash + 1));
        } catch (NumberFormatException e) {
          bits = -1;
        }
        if (bits < 0 || bits > maxBits) {
          throw new IllegalArgumentException("PLAUDER_TRUSTED_PROXIES: '" + item + "' has no valid prefix length (0-" + maxBits + ")");
        }
      }
      networks.add(new Network(address.getAddress(), bits));
    }
    return new TrustedProxies(List.copyOf(networks));
  }

  public boolean isEmpty() {
    return networks.isEmpty();
  }

  /** Whether {@code address} (an IP literal) is one of the listed proxies. */
  public boolean trusts(String address) {
    InetAddress parsed = literal(address);
    return parsed != null && trusts(parsed);
  }

  private boolean trusts(InetAddress address) {
    for (Network network : networks) {
      if (network.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The client's address, given the connection's peer address and the values of every
   * X-Forwarded-For header of the request (in order; none when absent). Walks the forwarded
   * chain from the right while each hop is a listed proxy; the first one that is not is the
   * client. When every hop is a proxy the left-most is taken; an unreadable hop ends the walk
   * at the last address a listed proxy vouched for.
   */
  public String clientAddress(String peer, List<String> forwardedFor) {
    InetAddress current = literal(peer);
    if (current == null) {
      return peer;
    }
    if (!trusts(current) || forwardedFor == null || forwardedFor.isEmpty()) {
      return current.getHostAddress();
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      if (header != null) {
        hops.addAll(Arrays.asList(header.split(",")));
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress hop = literal(stripPort(hops.get(i).trim()));
      if (hop == null) {
        break;
      }
      current = hop;
      if (!trusts(hop)) {
        break;
      }
    }
    return current.getHostAddress();
  }

  /** "1.2.3.4:5678" and "[::1]:5678" as some proxies write them, without the port. */
  private static String stripPort(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end < 0 ? hop : hop.substring(1, end);
    }
    int colon = hop.indexOf(':');
    return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
  }

  /** An IP literal parsed without any name lookup, or null. */
  static InetAddress literal(String text) {
    if (text == null) {
      return null;
    }
    String s = text.trim();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    boolean v4 = IPV4.matcher(s).matches();
    if (!v4 && !IPV6.matcher(s).matches()) {
      return null; // a host name: InetAddress would look it up, which is never wanted here
    }
    if (v4) {
      for (String part : s.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return null;
        }
      }
    }
    try {
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
