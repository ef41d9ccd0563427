package cluster.transport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects what the transport logs at WARN and above, so tests can check that a refusal was logged. */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger logger;

    LogCapture(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        setContext(logger.getLoggerContext());
        start();
        logger.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            warnings.add(event.getFormattedMessage());
        }
    }

    boolean anyWarningContains(String text) {
        return warnings.stream().anyMatch(w -> w.contains(text));
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}
