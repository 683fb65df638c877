package dev.foyer.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A lean HTTP/1.1 client for one virtual user: one keep-alive socket, requests written by hand,
 * responses read with Content-Length or chunked bodies. It costs the load generator a few
 * microseconds per request, so most of the machine's cores stay with the server under test.
 * Not thread-safe: each virtual user owns one.
 */
final class HttpConnection implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    private final String host;
    private final int port;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] line = new byte[16 * 1024];

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
        this.hostHeader = host + ":" + port;
    }

    /** A response: status, headers in arrival order (names lower case), body as text. */
    record Response(int status, List<String[]> headers, String body) {

        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equals(name)) {
                    return h[1];
                }
            }
            return null;
        }

        List<String> headers(String name) {
            List<String> values = new ArrayList<>(2);
            for (String[] h : headers) {
                if (h[0].equals(name)) {
                    values.add(h[1]);
                }
            }
            return values;
        }
    }

    Response get(String path, Cookies cookies, Map<String, String> extraHeaders) throws IOException {
        return send("GET", path, cookies, extraHeaders, null, null);
    }

    Response post(String path, Cookies cookies, Map<String, String> extraHeaders, String contentType, String body)
            throws IOException {
        return send("POST", path, cookies, extraHeaders, contentType, body);
    }

    /**
     * Sends one request and reads its response. A kept-alive socket the server closed meanwhile is
     * replaced once, transparently; any other failure is the caller's.
     */
    Response send(String method, String path, Cookies cookies, Map<String, String> extraHeaders,
                  String contentType, String body) throws IOException {
        byte[] request = encode(method, path, cookies, extraHeaders, contentType, body);
        boolean reused = socket != null;
        try {
            return exchange(request, cookies);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw e;
            }
            return exchange(request, cookies);
        }
    }

    private Response exchange(byte[] request, Cookies cookies) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(request);
        out.flush();
        Response response = read(in);
        if (cookies != null) {
            for (String setCookie : response.headers("set-cookie")) {
                cookies.accept(setCookie);
            }
        }
        String connection = response.header("connection");
        if (connection != null && connection.equalsIgnoreCase("close")) {
            close();
        }
        return response;
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(READ_TIMEOUT_MS);
        s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 32 * 1024);
        out = s.getOutputStream();
    }

    private byte[] encode(String method, String path, Cookies cookies, Map<String, String> extraHeaders,
                          String contentType, String body) {
        StringBuilder head = new StringBuilder(256);
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(hostHeader)
                .append("\r\nUser-Agent: foyer-bench\r\n");
        if (cookies != null && !cookies.isEmpty()) {
            head.append("Cookie: ").append(cookies.header()).append("\r\n");
        }
        if (extraHeaders != null) {
            extraHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        }
        byte[] payload = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        if (payload != null) {
            head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(payload.length)
                    .append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        if (payload == null) {
            return headBytes;
        }
        byte[] all = new byte[headBytes.length + payload.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(payload, 0, all, headBytes.length, payload.length);
        return all;
    }

    /** Reads one response from {@code in}: status line, headers, then the body as they describe it. */
    Response read(InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null) {
            throw new EOFException("Connection closed before a response");
        }
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("Not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        List<String[]> headers = new ArrayList<>(16);
        long contentLength = -1;
        boolean chunked = false;
        String headerLine;
        while ((headerLine = readLine(in)) != null && !headerLine.isEmpty()) {
            int colon = headerLine.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = headerLine.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
            String value = headerLine.substring(colon + 1).trim();
            headers.add(new String[] {name, value});
            if (name.equals("content-length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equals("transfer-encoding") && value.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        String body;
        if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
            body = "";
        } else if (chunked) {
            body = readChunked(in);
        } else if (contentLength >= 0) {
            body = new String(readFully(in, (int) contentLength), StandardCharsets.UTF_8);
        } else {
            // No length: the body runs to the end of the connection.
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            headers.add(new String[] {"connection", "close"});
        }
        return new Response(status, headers, body);
    }

    private String readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new EOFException("Connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            if (size == 0) {
                String trailer;
                while ((trailer = readLine(in)) != null && !trailer.isEmpty()) {
                    // trailers are not used
                }
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(readFully(in, size));
            readLine(in);
        }
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("Connection closed after " + bytes.length + " of " + length + " body bytes");
        }
        return bytes;
    }

    /** One CRLF-terminated line in ISO-8859-1 (header bytes), without the CRLF; null at end of stream. */
    private String readLine(InputStream in) throws IOException {
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return length == 0 ? null : new String(line, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return new String(line, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (length == line.length) {
                throw new IOException("Header line longer than " + line.length + " bytes");
            }
            line[length++] = (byte) b;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
