package dev.showcall.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.Collections;
import java.util.Optional;

/** The address the venue's screens open when none is set: this machine's address on the local network. */
public final class WebAddress {

    private WebAddress() {
    }

    /** {@code http://<the first private IPv4 address of an interface that is up>:port/}, else localhost. */
    public static URI lan(int port) {
        String host = privateAddress().map(InetAddress::getHostAddress).orElse("localhost");
        return URI.create("http://" + host + ":" + port + "/");
    }

    private static Optional<InetAddress> privateAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                        return Optional.of(address);
                    }
                }
            }
        } catch (SocketException e) {
            // no interface to read: localhost
        }
        return Optional.empty();
    }
}
