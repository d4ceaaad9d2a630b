-- wrk script for POST /api/v1/tokens/validate (see README.md): the API key and the token come from KRUG_API_KEY
-- and KRUG_TOKEN (TokenBench.java --print-credentials prints both); KRUG_DELAY_MS pauses each connection between
-- requests (0, the default: as fast as the connection allows).
wrk.method = "POST"
wrk.body = '{"token":"' .. os.getenv("KRUG_TOKEN") .. '"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("KRUG_API_KEY")

local pause = tonumber(os.getenv("KRUG_DELAY_MS") or "0")

function delay()
  return pause
end
