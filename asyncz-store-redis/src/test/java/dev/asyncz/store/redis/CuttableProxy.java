package dev.asyncz.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on the loopback address to the local Redis that a test can cut and restore,
 * so a store sees Redis go away and come back without the shared server being touched.
 */
final class CuttableProxy implements AutoCloseable {

	private final int targetPort;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final ServerSocket server;

	private volatile boolean open = true;

	CuttableProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.server = new ServerSocket();
		this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		this.port = this.server.getLocalPort();
		accept();
	}

	String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/**
	 * Closes every relayed connection and drops new ones as soon as they arrive, as a
	 * stopped server would. The port stays bound: given back, an ephemeral port may be
	 * taken by any outgoing connection before {@link #restore()} could bind it again.
	 */
	void cut() throws IOException {
		this.open = false;
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.sockets.clear();
	}

	/** Relays connections again, as a restarted server would. */
	void restore() {
		this.open = true;
	}

	@Override
	public void close() throws IOException {
		cut();
		this.server.close();
	}

	private void accept() {
		Thread acceptor = new Thread(() -> {
			while (!this.server.isClosed()) {
				try {
					Socket client = this.server.accept();
					if (!this.open) {
						client.close();
						continue;
					}
					Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
					this.sockets.add(client);
					this.sockets.add(target);
					relay(client, target);
					relay(target, client);
				}
				catch (IOException ex) {
					// closed by close(): stop accepting
				}
			}
		}, "redis-proxy-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private void relay(Socket from, Socket to) {
		Thread relay = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side closed: close the other below
			}
			closeQuietly(from);
			closeQuietly(to);
		}, "redis-proxy-relay");
		relay.setDaemon(true);
		relay.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
