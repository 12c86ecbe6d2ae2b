-- The benchmark's request mix, the same for every target: show a group, list a page of groups, restart the group
-- (with the reference server's transitions made immediate, each restart is accepted). Counts non-2xx answers.
local token = "e3b2c743aebf467fb6b91cbb644c036e"
local group = "/v1.0/1234/ha/e7fdf90b-7140-4edb-b449-e093d55008fb"
local requests = {}
local counter = 0

init = function(args)
   local headers = { ["X-Auth-Token"] = token, ["Accept"] = "application/json" }
   local json = { ["X-Auth-Token"] = token, ["Accept"] = "application/json", ["Content-Type"] = "application/json" }
   requests[1] = wrk.format("GET", group, headers)
   requests[2] = wrk.format("GET", "/v1.0/1234/ha?limit=20", headers)
   requests[3] = wrk.format("POST", group .. "/action", json, '{"restart": {}}')
end

request = function()
   counter = counter % 3 + 1
   return requests[counter]
end
