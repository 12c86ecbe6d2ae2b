-- The benchmark's write mix, the same for every target: create a group, add an ACL to it, restart it, delete it, in
-- that order for each group, at the same concurrency as the read mix. The id of each new group is read from the
-- create's answer. A step of a group is sent only once the thread has seen `lag` answers since the group's previous
-- step was sent (lag = four times the connection count passed as the script's argument): with one request in flight
-- per connection the previous step has then been answered unless the target kept it waiting while it answered that
-- many others (an overloaded machine), so each step is accepted (2xx) by a stateful target; the rare exception is
-- counted, not hidden (non-2xx, like the read mix). Once the pipeline is full, each step is a quarter of the requests.
local token = "e3b2c743aebf467fb6b91cbb644c036e"
local base = "/v1.0/1234/ha"
local createBody = '{"ha":{"name":"bench","datastore":{"type":"mysql","version":"5.7"},"networks":["servicenet"],'
   .. '"replica_source":[{"name":"s","flavorRef":"2","volume":{"size":1}}],'
   .. '"replicas":[{"name":"r","flavorRef":"2","volume":{"size":1}}]}}'
local headers = { ["X-Auth-Token"] = token, ["Accept"] = "application/json", ["Content-Type"] = "application/json" }
local answers = 0
local lag = 128
local turn = 0
-- waiting[s]: groups whose next step is s (1 = add ACL, 2 = restart, 3 = delete), oldest first.
local waiting = { {}, {}, {} }
local heads = { 1, 1, 1 }
-- Explicit tails: Lua's # is undefined on a table whose first slots were cleared, and lost groups that way (never
-- deleted, so the world grew for the whole run and the server measured its own garbage collector).
local tails = { 0, 0, 0 }

init = function(args)
   lag = 4 * tonumber(args[1] or "32")
   wrk.headers["X-Auth-Token"] = token
end

local function push(step, id)
   tails[step] = tails[step] + 1
   waiting[step][tails[step]] = { id = id, due = answers + lag }
end

-- The oldest group whose step `step` may be sent now, or nil.
local function ready(step)
   local entry = waiting[step][heads[step]]
   if entry ~= nil and entry.due <= answers then
      waiting[step][heads[step]] = nil
      heads[step] = heads[step] + 1
      return entry.id
   end
   return nil
end

local function send(step, id)
   if step == 1 then
      push(2, id)
      return wrk.format("POST", base .. "/" .. id .. "/acls", headers, '{"address":"1.2.3.4/32"}')
   elseif step == 2 then
      push(3, id)
      return wrk.format("POST", base .. "/" .. id .. "/action", headers, '{"restart":{}}')
   end
   return wrk.format("DELETE", base .. "/" .. id, { ["X-Auth-Token"] = token })
end

request = function()
   turn = turn % 4 + 1
   if turn > 1 then
      -- This turn's step if a group is ready for it, else the latest step that is (deletes first keep the world small).
      for _, step in ipairs({ turn - 1, 3, 2, 1 }) do
         local id = ready(step)
         if id ~= nil then
            return send(step, id)
         end
      end
   end
   return wrk.format("POST", base, headers, createBody)
end

response = function(status, headers, body)
   answers = answers + 1
   if status == 202 and body ~= nil and body:find('"ha_instance"', 1, true) then
      -- The group's own id is the one followed by its state (its members' ids are followed by other fields).
      local id = body:match('"id"%s*:%s*"([^"]+)"%s*,%s*"state"')
      if id ~= nil then
         push(1, id)
      end
   end
end
