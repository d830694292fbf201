package org.plauder.dashboard;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.plauder.TestMailServer;

/** A dashboard browser test with a real mail server beside the node (GreenMail, SMTP and IMAP), stopped afterwards. */
abstract class DashboardMailTest extends DashboardBrowserTest {

  TestMailServer mail;

  @BeforeEach
  void startMail() {
    mail = new TestMailServer();
  }

  @AfterEach
  void stopMail() {
    mail.close();
  }
}
