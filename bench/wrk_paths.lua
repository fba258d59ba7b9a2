-- wrk script for bench/compare: cycles through the request paths listed in
-- a file, one a line (usage: wrk ... -s wrk_paths.lua URL -- PATHS_FILE).
-- Each wrk thread reads the file in its own Lua state and starts at its own
-- offset, so the connections do not ask for the same node in lock step.
local paths = {}
local i = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("no paths in " .. tostring(args[1])) end
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
