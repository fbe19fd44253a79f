package dev.kiln.emulator.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public port of a listener: relays bytes between each client connection and the JDK HttpServer behind
 * it, on one selector thread (an idle, slow or stalled connection holds no thread).
 *
 * <p>It exists because HttpServer can only close a connection with a FIN, and a real network also cuts
 * connections with a TCP RST. A handler asks for a reset with {@link #resetAfterDrain}, naming the address
 * its exchange came from (this relay's side of the backend connection); when that backend connection ends,
 * the relay first forwards every byte the server sent, then closes the client's connection with
 * {@code SO_LINGER} 0, which makes the kernel send RST instead of FIN. TLS passes through untouched.
 */
final class TcpRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TcpRelay.class);
  private static final int BUFFER_BYTES = 64 * 1024;

  private final InetSocketAddress backend;
  private final ServerSocketChannel listener;
  private final Selector selector;
  private final Thread thread;
  /** Backend-side local ports of connections to end with a reset once their server side closes. */
  private final Set<Integer> resets = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  TcpRelay(InetSocketAddress backend, String name) throws IOException {
    this.backend = backend;
    this.selector = Selector.open();
    this.listener = ServerSocketChannel.open();
    try {
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      listener.configureBlocking(false);
      listener.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException e) {
      listener.close();
      selector.close();
      throw e;
    }
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  int port() {
    return listener.socket().getLocalPort();
  }

  /**
   * Ends the client connection relayed to the backend connection from {@code exchangeRemote} with a TCP RST
   * once the server has closed it and every byte it sent was forwarded. Call before the server closes it.
   */
  void resetAfterDrain(InetSocketAddress exchangeRemote) {
    resets.add(exchangeRemote.getPort());
  }

  @Override
  public void close() {
    closed = true;
    selector.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("relay thread {} did not stop", thread.getName());
    }
  }

  private void run() {
    try {
      while (!closed) {
        selector.select();
        for (SelectionKey key : selector.selectedKeys()) {
          try {
            handle(key);
          } catch (CancelledKeyException gone) {
            // the pair was closed while handling an earlier key of this round
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | ClosedSelectorException e) {
      if (!closed) {
        LOG.warn("relay stopped", e);
      }
    } finally {
      for (SelectionKey key : selector.keys()) {
        if (key.attachment() instanceof Pair) {
          ((Pair) key.attachment()).closeBoth(false);
        }
      }
      closeQuietly(listener);
      try {
        selector.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
    }
  }

  private void handle(SelectionKey key) throws IOException {
    if (key.isValid() && key.isAcceptable()) {
      accept();
      return;
    }
    Pair pair = (Pair) key.attachment();
    try {
      if (key.isValid() && key.isConnectable()) {
        pair.finishConnect();
      }
      if (key.isValid() && key.isReadable()) {
        pair.read(key.channel() == pair.client);
      }
      if (key.isValid() && key.isWritable()) {
        pair.write(key.channel() == pair.client);
      }
    } catch (IOException broken) {
      LOG.debug("relayed connection ended: {}", broken.toString());
      pair.closeBoth(false);
    }
  }

  private void accept() throws IOException {
    SocketChannel client = listener.accept();
    if (client == null) {
      return;
    }
    SocketChannel server = null;
    try {
      client.configureBlocking(false);
      client.setOption(StandardSocketOptions.TCP_NODELAY, true);
      server = SocketChannel.open();
      server.configureBlocking(false);
      server.setOption(StandardSocketOptions.TCP_NODELAY, true);
      Pair pair = new Pair(client, server);
      pair.clientKey = client.register(selector, 0, pair);
      if (server.connect(backend)) {
        pair.serverKey = server.register(selector, 0, pair);
        pair.connected();
      } else {
        pair.serverKey = server.register(selector, SelectionKey.OP_CONNECT, pair);
      }
    } catch (IOException e) {
      LOG.debug("could not relay a new connection: {}", e.toString());
      closeQuietly(client);
      if (server != null) {
        closeQuietly(server);
      }
    }
  }

  /** One client connection and its backend connection, with a buffer for each direction. */
  private final class Pair {
    final SocketChannel client;
    final SocketChannel server;
    SelectionKey clientKey;
    SelectionKey serverKey;
    /** Bytes read from the client, waiting to be written to the server (kept in read mode). */
    final ByteBuffer toServer = ByteBuffer.allocate(BUFFER_BYTES).flip();
    /** Bytes read from the server, waiting to be written to the client (kept in read mode). */
    final ByteBuffer toClient = ByteBuffer.allocate(BUFFER_BYTES).flip();
    boolean serverEnded;
    int backendPort = -1;

    Pair(SocketChannel client, SocketChannel server) {
      this.client = client;
      this.server = server;
    }

    void finishConnect() throws IOException {
      if (server.finishConnect()) {
        connected();
      }
    }

    void connected() throws IOException {
      backendPort = ((InetSocketAddress) server.getLocalAddress()).getPort();
      serverKey.interestOps(SelectionKey.OP_READ);
      clientKey.interestOps(SelectionKey.OP_READ);
    }

    void read(boolean fromClient) throws IOException {
      SocketChannel source = fromClient ? client : server;
      ByteBuffer buffer = fromClient ? toServer : toClient;
      SelectionKey sourceKey = fromClient ? clientKey : serverKey;
      SelectionKey targetKey = fromClient ? serverKey : clientKey;
      buffer.compact();
      int n;
      try {
        n = source.read(buffer);
      } finally {
        buffer.flip();
      }
      if (n < 0) {
        if (fromClient) {
          closeBoth(false); // the client is gone: nothing it asked for is wanted any more
        } else {
          serverEnded = true;
          sourceKey.interestOps(0);
          if (!toClient.hasRemaining()) {
            closeBoth(resets.remove(backendPort));
          }
        }
        return;
      }
      if (buffer.hasRemaining()) {
        targetKey.interestOps(targetKey.interestOps() | SelectionKey.OP_WRITE);
      }
      if (buffer.remaining() == buffer.capacity()) {
        // full: stop reading this side until the other side has taken some (back-pressure)
        sourceKey.interestOps(sourceKey.interestOps() & ~SelectionKey.OP_READ);
      }
    }

    void write(boolean toClientSide) throws IOException {
      SocketChannel target = toClientSide ? client : server;
      ByteBuffer buffer = toClientSide ? toClient : toServer;
      SelectionKey targetKey = toClientSide ? clientKey : serverKey;
      SelectionKey sourceKey = toClientSide ? serverKey : clientKey;
      target.write(buffer);
      if (buffer.hasRemaining()) {
        return;
      }
      targetKey.interestOps(targetKey.interestOps() & ~SelectionKey.OP_WRITE);
      if (toClientSide && serverEnded) {
        closeBoth(resets.remove(backendPort));
        return;
      }
      if (sourceKey.isValid()) {
        sourceKey.interestOps(sourceKey.interestOps() | SelectionKey.OP_READ);
      }
    }

    void closeBoth(boolean resetClient) {
      if (resetClient) {
        try {
          client.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
          LOG.debug("could not arm a reset: {}", e.toString());
        }
      } else if (backendPort >= 0) {
        resets.remove(backendPort);
      }
      closeQuietly(client);
      closeQuietly(server);
    }
  }

  private static void closeQuietly(java.nio.channels.Channel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing is best effort
    }
  }
}
