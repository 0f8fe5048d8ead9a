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

	private volatile ServerSocket server;

	CuttableProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.server = bind(0);
		this.port = this.server.getLocalPort();
		accept(this.server);
	}

	String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/**
	 * Closes every relayed connection and refuses new ones, as a stopped server would.
	 */
	void cut() throws IOException {
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.sockets.clear();
	}

	/** Accepts connections again on the same port, as a restarted server would. */
	void restore() throws IOException {
		this.server = bind(this.port);
		accept(this.server);
	}

	@Override
	public void close() throws IOException {
		cut();
	}

	private static ServerSocket bind(int port) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		return socket;
	}

	private void accept(ServerSocket listening) {
		Thread acceptor = new Thread(() -> {
			while (!listening.isClosed()) {
				try {
					Socket client = listening.accept();
					Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
					this.sockets.add(client);
					this.sockets.add(target);
					relay(client, target);
					relay(target, client);
				}
				catch (IOException ex) {
					// closed by cut(): stop accepting
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
