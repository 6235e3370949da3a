package dev.eventdriven.examples;

import dev.eventdriven.Controller;
import dev.eventdriven.Dispatcher;
import dev.eventdriven.Session;
import dev.eventdriven.mapping.MappingBlueprint;
import dev.eventdriven.mapping.On;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * The article example of the original's notes: a public account publishes an article event; two
 * listeners (readers) registered for it read the article. The event manager is a Controller.
 */
public final class PublicAccountExample {

    /** The event id of a new article. */
    public static final String EVENT_ARTICLE = "Event_Article";

    private PublicAccountExample() {
    }

    /** Publishes articles as events. */
    public static final class PublicAccount {
        private final Dispatcher eventManager;
        private final PrintStream out;

        PublicAccount(Dispatcher eventManager, PrintStream out) {
            this.eventManager = eventManager;
            this.out = out;
        }

        void writeNewArticle() {
            eventManager.dispatch(EVENT_ARTICLE, null, Map.of("article", "how to write more pythonic code"));
            out.println("!!! New papers");
        }
    }

    /** A reader of articles. */
    public static final class Listener {
        private final String username;
        private final PrintStream out;

        Listener(String username, PrintStream out) {
            this.username = username;
            this.out = out;
        }

        /**
         * Reads a new article.
         *
         * @param session the event's session
         */
        @On(EVENT_ARTICLE)
        public void readArticle(Session session) {
            out.println(username + " receive new article");
            out.println("now reading the new article: " + session.get("article"));
        }
    }

    /**
     * Runs the example.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        MappingBlueprint readers = new MappingBlueprint()
                .register(new Listener("wang", out))
                .register(new Listener("yan", out));
        Controller eventManager = Controller.builder("event-manager").mapping(readers).build();
        eventManager.run();

        PublicAccount account = new PublicAccount(eventManager, out);
        // the original publishes from a timer thread; here a task on the manager publishes
        eventManager.execute(account::writeNewArticle);

        eventManager.awaitDrained(Duration.ofSeconds(10));
        eventManager.shutdown();
        eventManager.awaitTermination(Duration.ofSeconds(10));
    }

    /**
     * Entry point.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        run(System.out);
    }
}
