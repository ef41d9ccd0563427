package cluster.messages;

/** App client → every master: register an application. */
public final class RegisterApplication extends CatalogueMarshallable implements Message {
    /** Chosen by the client, the same on every retry, so a retried registration is recognised. */
    public String registrationKey;
    public String driverUrl;
    public ApplicationDescription description;

    public RegisterApplication() {
    }

    public RegisterApplication(String registrationKey, String driverUrl, ApplicationDescription description) {
        this.registrationKey = registrationKey;
        this.driverUrl = driverUrl;
        this.description = description;
    }
}
