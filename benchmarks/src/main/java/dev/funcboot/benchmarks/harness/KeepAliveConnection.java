package dev.funcboot.benchmarks.harness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over one keep-alive socket: it writes pre-built request bytes and
 * reads the status and body (Content-Length, chunked, or until close). Far cheaper per request
 * than {@code java.net.http.HttpClient}, which matters when the load generator shares the CPUs
 * with the server. Reconnects when the server closes the connection. Not thread-safe: one per
 * load thread.
 */
public final class KeepAliveConnection implements Closeable {

	private final InetSocketAddress address;

	private final int connectTimeoutMillis;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	private int connects;

	public KeepAliveConnection(String host, int port, int connectTimeoutMillis) {
		this.address = new InetSocketAddress(host, port);
		this.connectTimeoutMillis = connectTimeoutMillis;
	}

	/** Opens the socket now rather than on the first request. */
	public void connect() throws IOException {
		close();
		Socket s = new Socket();
		try {
			s.setTcpNoDelay(true);
			s.connect(this.address, this.connectTimeoutMillis);
		}
		catch (IOException ex) {
			s.close();
			throw ex;
		}
		this.socket = s;
		this.in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
		this.out = s.getOutputStream();
		this.connects++;
	}

	/** How many times a socket was opened; more than one means the server closed connections. */
	public int connects() {
		return this.connects;
	}

	/** Sends one complete request and reads the whole response. */
	public Response exchange(byte[] request) throws IOException {
		if (this.socket == null) {
			connect();
		}
		try {
			this.out.write(request);
			this.out.flush();
			return readResponse();
		}
		catch (IOException ex) {
			close();
			throw ex;
		}
	}

	private Response readResponse() throws IOException {
		String statusLine = readLine();
		if (!statusLine.startsWith("HTTP/1.")) {
			throw new IOException("Not an HTTP response: " + statusLine);
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long contentLength = -1;
		boolean chunked = false;
		boolean close = statusLine.startsWith("HTTP/1.0");
		for (String header = readLine(); !header.isEmpty(); header = readLine()) {
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = header.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> contentLength = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> close = value.equalsIgnoreCase("close");
				default -> {
				}
			}
		}
		byte[] body;
		if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
			body = new byte[0];
		}
		else if (chunked) {
			body = readChunked();
		}
		else if (contentLength >= 0) {
			body = readExactly((int) contentLength);
		}
		else {
			body = this.in.readAllBytes();
			close = true;
		}
		if (close) {
			close();
		}
		return new Response(status, body);
	}

	private byte[] readChunked() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = readLine();
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt((semicolon >= 0) ? sizeLine.substring(0, semicolon).trim() : sizeLine.trim(),
					16);
			if (size == 0) {
				for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
					// trailers are not used
				}
				return body.toByteArray();
			}
			body.write(readExactly(size));
			readLine();
		}
	}

	private byte[] readExactly(int length) throws IOException {
		byte[] bytes = this.in.readNBytes(length);
		if (bytes.length < length) {
			throw new EOFException("Connection closed after " + bytes.length + " of " + length + " body bytes");
		}
		return bytes;
	}

	/** Reads a line without its CRLF. */
	private String readLine() throws IOException {
		StringBuilder line = new StringBuilder(64);
		while (true) {
			int b = this.in.read();
			if (b < 0) {
				throw new EOFException("Connection closed by the server");
			}
			if (b == '\n') {
				int end = line.length();
				if (end > 0 && line.charAt(end - 1) == '\r') {
					line.setLength(end - 1);
				}
				return line.toString();
			}
			line.append((char) b);
		}
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			this.socket = null;
			this.in = null;
			this.out = null;
		}
	}

	/** Builds the bytes of one request; the body may be {@code null}. */
	public static byte[] request(String method, String path, String host, Map<String, String> headers,
			byte[] body) {
		StringBuilder head = new StringBuilder(256);
		head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
		head.append("Host: ").append(host).append("\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (body != null) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
		if (body == null) {
			return headBytes;
		}
		byte[] bytes = new byte[headBytes.length + body.length];
		System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
		System.arraycopy(body, 0, bytes, headBytes.length, body.length);
		return bytes;
	}

	/** Status and body of a response. */
	public record Response(int status, byte[] body) {

		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
