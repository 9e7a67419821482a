# Pupitre — the image of one hub node (deploy/compose.yaml). Built from the repository's root:
#   docker build -f deploy/hub.Dockerfile -t pupitre-hub .
# Not built here (no container engine on the machine Pupitre is developed on): docs/cluster.md.
FROM node:20-bookworm-slim
WORKDIR /opt/pupitre
# better-sqlite3 is compiled if no prebuilt binary fits; Electron's own binary is never needed here.
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The participant page the nodes serve at `/`.
RUN npx vite build -c vite.participant.config.ts
USER node
EXPOSE 4871
ENTRYPOINT ["node", "--import", "tsx", "src/hub/cli.ts"]
