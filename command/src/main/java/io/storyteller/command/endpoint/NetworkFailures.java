package io.storyteller.command.endpoint;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Why a call to an endpoint failed at the network, in words an admin can act on and safe to record:
 * an exception's type names the library, and its message may hold addresses or answers.
 */
public final class NetworkFailures {

    private NetworkFailures() {
    }

    public static String reason(IOException failure) {
        Throwable cause = failure;
        while (cause != null) {
            switch (cause) {
                case HttpConnectTimeoutException e -> {
                    return "connection timed out";
                }
                case HttpTimeoutException e -> {
                    return "no answer in time";
                }
                case ConnectException e -> {
                    return "connection refused";
                }
                case UnknownHostException e -> {
                    return "unknown host";
                }
                case NoRouteToHostException e -> {
                    return "no route to host";
                }
                case SocketException e -> {
                    return "connection lost";
                }
                default -> {
                    if (cause instanceof UnresolvedAddressException) {
                        return "unknown host";
                    }
                }
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return "network error";
    }
}
