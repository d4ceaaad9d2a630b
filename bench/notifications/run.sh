#!/usr/bin/env sh
# Delivery-worker throughput: N pending notifications expanded one by one and in batches of 200, then N messages per
# channel (in-app, e-mail to a local GreenMail SMTP sink, Telegram to a WireMock stub), W concurrent workers, channel
# rate limits lifted. Prints "BENCH expand ...: ... notifications/s" and "BENCH <channel>: ... messages/s".
#   bench/notifications/run.sh [messages=2000] [workers=4]
set -e
cd "$(dirname "$0")/../.."
./mvnw -q -B test -Dtest=NotificationsBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.messages="${1:-2000}" -Dbench.workers="${2:-4}" 2>&1 | grep "BENCH" || true
