package io.chokepoint.alerting.targets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which addresses a webhook may not reach, IPv4 and IPv6, with IPv4 carried inside IPv6 judged as IPv4. */
class AddressRulesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, a loopback address",
            "127.255.255.254, a loopback address",
            "::1, a loopback address",
            "10.0.0.1, a private address",
            "10.255.255.255, a private address",
            "172.16.0.1, a private address",
            "172.31.255.255, a private address",
            "192.168.1.10, a private address",
            "fc00::1, a private (unique local) address",
            "fd12:3456:789a::1, a private (unique local) address",
            "fec0::1, a private (site-local) address",
            "169.254.169.254, a link-local address",
            "169.254.0.1, a link-local address",
            "fe80::1, a link-local address",
            "febf::1, a link-local address",
            "0.0.0.0, an unspecified address",
            "0.1.2.3, an unspecified address",
            "::, an unspecified address",
            "224.0.0.1, a multicast address",
            "239.255.255.250, a multicast address",
            "ff02::1, a multicast address",
            "ff0e::101, a multicast address",
            "100.64.0.1, a carrier-grade NAT address",
            "100.127.255.254, a carrier-grade NAT address",
            "255.255.255.255, a reserved or broadcast address",
            "240.0.0.1, a reserved or broadcast address",
            "192.0.0.8, a reserved address",
            // IPv4 inside IPv6 leads to the IPv4 address
            "::ffff:127.0.0.1, a loopback address",
            "::ffff:10.1.2.3, a private address",
            "::ffff:169.254.169.254, a link-local address",
            "::127.0.0.1, a loopback address",
            "::10.0.0.1, a private address",
            "64:ff9b::7f00:1, a loopback address",
            "64:ff9b::a9fe:a9fe, a link-local address",
            "2002:7f00:1::1, a loopback address",
            "2002:c0a8:101::1, a private address",
    })
    void forbidden(String address, String kind) throws UnknownHostException {
        assertEquals(Optional.of(kind), AddressRules.forbiddenKind(InetAddress.getByName(address)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "169.253.255.255", "11.0.0.1", "126.255.255.255", "128.0.0.1", "192.169.0.1",
            "223.255.255.255", "192.0.2.1", "2606:4700:4700::1111", "2001:4860:4860::8888", "64:ff9b::808:808",
            "2002:808:808::1", "::ffff:8.8.8.8", "fbff::1", "fe7f::1"})
    void publicAddressesAreAllowed(String address) throws UnknownHostException {
        assertEquals(Optional.empty(), AddressRules.forbiddenKind(InetAddress.getByName(address)));
    }
}
